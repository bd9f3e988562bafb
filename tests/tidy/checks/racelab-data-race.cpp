// clang-tidy test of racelab-data-race: expectations next to the code.
#include <mutex>
#include <thread>

long Counter;
long Guarded;
std::mutex M;

void count() {
  for (int I = 0; I < 1000; ++I) {
    Counter++;
    // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: warning: data race on 'Counter': this write in the thread started at line {{[0-9]+}} can run at the same time as a write in the thread started at line {{[0-9]+}}, and neither holds a lock [racelab-data-race]
    // CHECK-MESSAGES-DAG: :[[@LINE-2]]:5: note: conflicting write of 'Counter'
    // CHECK-MESSAGES-DAG: :[[@LINE-3]]:5: note: to fix, guard every access to 'Counter' with one mutex, or make it a std::atomic if it is a single value updated on its own; if one thread must go first, order them (a join, std::latch or future)
    std::lock_guard<std::mutex> L(M);
    Guarded++; // silent: every access holds M
  }
}

int main() {
  std::thread A(count), B(count);
  A.join();
  B.join();
}
