// A bank account whose deposits and withdrawals are locked, but whose
// balance() getter was "optimised" to skip the lock because "reading an
// int is atomic anyway". An auditor thread polls the balance while tellers
// post transactions.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

class Account {
public:
  explicit Account(long Opening) : Balance(Opening) {}

  void deposit(long Amount) {
    std::lock_guard<std::mutex> Guard(Mutex);
    Balance += Amount; // expect-race: Balance locked write
    ++Transactions;
  }

  bool withdraw(long Amount) {
    std::lock_guard<std::mutex> Guard(Mutex);
    if (Balance < Amount) // expect-race: Balance
      return false;
    Balance -= Amount; // expect-race: Balance
    ++Transactions;
    return true;
  }

  // No lock: the auditor reads while tellers write.
  long balance() const { return Balance; } // expect-race: Balance unlocked read

  int transactions() const {
    std::lock_guard<std::mutex> Guard(Mutex);
    return Transactions;
  }

private:
  mutable std::mutex Mutex;
  long Balance;
  int Transactions = 0;
};

void teller(Account &Acct, int Id) {
  for (int I = 0; I < 1000; ++I) {
    if ((I + Id) % 3 == 0)
      Acct.withdraw(20);
    else
      Acct.deposit(10);
  }
}

void auditor(const Account &Acct, int Rounds) {
  long Lowest = Acct.balance();
  for (int R = 0; R < Rounds; ++R) {
    long Now = Acct.balance();
    if (Now < Lowest)
      Lowest = Now;
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  std::printf("lowest balance seen: %ld\n", Lowest);
}

int main() {
  Account Checking(5000);
  std::vector<std::thread> Tellers;
  for (int Id = 0; Id < 3; ++Id)
    Tellers.emplace_back(teller, std::ref(Checking), Id);
  std::thread Audit(auditor, std::cref(Checking), 100);

  for (auto &T : Tellers)
    T.join();
  Audit.join();
  std::printf("final: %ld after %d transactions\n", Checking.balance(),
              Checking.transactions());
}
