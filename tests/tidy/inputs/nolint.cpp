// A lock-order inversion whose warning is silenced the clang-tidy way: a
// NOLINT comment naming the check on the line it is reported at.
#include <mutex>
#include <thread>

std::mutex A, B;
int Shared;

void forward() {
  std::lock_guard<std::mutex> First(A);
  std::lock_guard<std::mutex> Second(B); // NOLINT(racelab-lock-order-inversion)
  Shared++;
}

void backward() {
  std::lock_guard<std::mutex> First(B);
  std::lock_guard<std::mutex> Second(A);
  Shared++;
}

int main() {
  std::thread T1(forward), T2(backward);
  T1.join();
  T2.join();
}
