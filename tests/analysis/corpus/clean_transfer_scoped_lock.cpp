// Transfers between accounts lock both accounts at once with
// std::scoped_lock, which also avoids the lock-order deadlock.
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

struct Account {
  explicit Account(long B) : Balance(B) {}
  std::mutex M;
  long Balance;
};

bool transfer(Account &From, Account &To, long Amount) {
  std::scoped_lock Lock(From.M, To.M);
  if (From.Balance < Amount)
    return false;
  From.Balance -= Amount;
  To.Balance += Amount;
  return true;
}

long totalOf(std::deque<Account> &Accounts) {
  long Sum = 0;
  for (Account &A : Accounts) {
    std::lock_guard<std::mutex> L(A.M);
    Sum += A.Balance;
  }
  return Sum;
}

int main() {
  std::deque<Account> Accounts; // std::mutex is not movable
  for (int I = 0; I < 4; ++I)
    Accounts.emplace_back(1000);

  std::vector<std::thread> Clerks;
  for (int C = 0; C < 4; ++C) {
    Clerks.emplace_back([&Accounts, C] {
      for (int I = 0; I < 500; ++I) {
        Account &From = Accounts[(C + I) % 4];
        Account &To = Accounts[(C + I + 1) % 4];
        transfer(From, To, 1 + I % 50);
      }
    });
  }
  std::thread Auditor([&Accounts] {
    for (int I = 0; I < 20; ++I)
      std::printf("snapshot total %ld\n", totalOf(Accounts));
  });
  for (auto &T : Clerks)
    T.join();
  Auditor.join();
  std::printf("final total %ld\n", totalOf(Accounts));
}
