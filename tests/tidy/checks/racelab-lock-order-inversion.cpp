// clang-tidy test of racelab-lock-order-inversion.
#include <mutex>
#include <thread>

std::mutex A, B, C, D;
int N;

void forward() {
  std::lock_guard<std::mutex> First(A);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:31: note: 'A' acquired here
  std::lock_guard<std::mutex> Second(B);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:31: warning: lock-order inversion: the thread started at line {{[0-9]+}} takes 'B' here while holding 'A', and the thread started at line {{[0-9]+}} takes 'A' while holding 'B': the two threads can deadlock [racelab-lock-order-inversion]
  // CHECK-MESSAGES-DAG: :[[@LINE-2]]:31: note: to fix, take 'A' and 'B' together with one std::scoped_lock, or take them in the same order in every thread
  N++;
}

void backward() {
  std::lock_guard<std::mutex> First(B);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:31: note: 'B' acquired here
  std::lock_guard<std::mutex> Second(A);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:31: note: then 'A' acquired here while 'B' is held
  N++;
}

// Silent: std::scoped_lock takes C and D together, in either order.
void together() { std::scoped_lock L(C, D); N++; }
void togetherSwapped() { std::scoped_lock L(D, C); N++; }

int main() {
  std::thread T1(forward), T2(backward);
  T1.join();
  T2.join();
  std::thread T3(together), T4(togetherSwapped);
  T3.join();
  T4.join();
}
