// The fixed bank account: every access to the balance, including the
// read-only getter used by the auditor, goes through the same mutex.
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
    Balance += Amount;
    ++Transactions;
  }

  bool withdraw(long Amount) {
    std::lock_guard<std::mutex> Guard(Mutex);
    if (Balance < Amount)
      return false;
    Balance -= Amount;
    ++Transactions;
    return true;
  }

  long balance() const {
    std::lock_guard<std::mutex> Guard(Mutex);
    return Balance;
  }

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
