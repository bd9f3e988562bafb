// clang-tidy test of racelab-double-lock.
#include <mutex>

class Account {
  std::mutex M;
  std::recursive_mutex R;
  long Balance = 0;

public:
  long balance() {
    std::lock_guard<std::mutex> L(M);
    // CHECK-MESSAGES-DAG: :[[@LINE-1]]:33: warning: 'A.M' is locked again by the main thread, which already holds it: it is not recursive, so the thread waits for itself for ever [racelab-double-lock]
    // CHECK-MESSAGES-DAG: :[[@LINE-2]]:33: note: to fix, release 'A.M' before this point, or call a variant that expects the caller to hold it (a std::recursive_mutex only hides the problem)
    return Balance;
  }
  void deposit(long X) {
    std::lock_guard<std::mutex> L(M);
    // CHECK-MESSAGES-DAG: :[[@LINE-1]]:33: note: 'A.M' first acquired here
    if (balance() + X <= 1000)
      // CHECK-MESSAGES-DAG: :[[@LINE-1]]:9: note: called here with 'A.M' held
      Balance += X;
  }
  // Silent: a recursive mutex may be taken again by its owner.
  long audited() {
    std::lock_guard<std::recursive_mutex> L(R);
    std::lock_guard<std::recursive_mutex> Again(R);
    return Balance;
  }
};

int main() {
  Account A;
  A.deposit(5);
  return A.audited() > 0 ? 0 : 1;
}
