// The fix: std::scoped_lock takes both mutexes as one step. It uses a
// deadlock-avoidance algorithm (lock one, try the other, back off and retry
// if it is taken), so the order in which the accounts are passed no longer
// matters: no thread ever waits for a mutex while holding the other one.
#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex M; // guards Balance
  long Balance;
};

void transfer(Account &From, Account &To, long Amount) {
  std::scoped_lock Lock(From.M, To.M);
  From.Balance -= Amount;
  To.Balance += Amount;
}

int main() {
  Account Alice{{}, 100};
  Account Bob{{}, 100};
  // No forced order here: the two transfers may really run at the same time.
  std::thread T1([&] { transfer(Alice, Bob, 30); });
  std::thread T2([&] { transfer(Bob, Alice, 20); });
  T1.join();
  T2.join();
  std::printf("Alice: %ld, Bob: %ld, total: %ld\n", Alice.Balance, Bob.Balance,
              Alice.Balance + Bob.Balance);
}
