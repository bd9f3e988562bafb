// clang-tidy test of racelab-cv-wait-without-predicate.
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex M;
std::condition_variable CV;
bool Ready;

void consume() {
  std::unique_lock<std::mutex> L(M);
  CV.wait(L);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:6: warning: 'CV' is waited on without a predicate or a loop: a notification sent before the wait is lost, and a spurious wakeup returns with the condition still false; use wait(lock, predicate) [racelab-cv-wait-without-predicate]
}

void consumeCorrectly() {
  std::unique_lock<std::mutex> L(M);
  CV.wait(L, [] { return Ready; }); // silent: the predicate re-checks
  while (!Ready)
    CV.wait(L); // silent: the loop re-checks
}

int main() {
  std::thread T(consume), U(consumeCorrectly);
  {
    std::lock_guard<std::mutex> L(M);
    Ready = true;
  }
  CV.notify_all();
  T.join();
  U.join();
}
