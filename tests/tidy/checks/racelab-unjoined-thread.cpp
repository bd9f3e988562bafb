// clang-tidy test of racelab-unjoined-thread.
#include <thread>

void work() {}
bool failed(int X) { return X < 0; }

int early(int X) {
  std::thread T(work);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:15: warning: std::thread 'T' is destroyed by the return at line {{[0-9]+}} while still joinable, which calls std::terminate; join or detach it on every path (std::jthread joins by itself) [racelab-unjoined-thread]
  if (failed(X))
    return 1;
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: note: 'T' is still joinable here
  T.join();
  return 0;
}

int joined(int X) {
  std::thread T(work); // silent: joined on every path
  if (failed(X)) {
    T.join();
    return 1;
  }
  T.join();
  return 0;
}

int main() { return early(1) + joined(1); }
