// Ledger of a small credit union, guarded by a shared_mutex: every change
// (deposits, monthly fees, transfers) takes it exclusively; balance queries,
// statements and the auditors take it shared and may run side by side.
#include <array>
#include <cstdio>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

constexpr int NumAccounts = 8;

class Ledger {
public:
  Ledger() { Balances.fill(1000); }

  void deposit(int Account, long Amount) {
    std::unique_lock Lock(Mutex);
    Balances[Account] += Amount;
  }

  void chargeMonthlyFee(int Account, long Fee) {
    std::unique_lock Lock(Mutex);
    Balances[Account] -= Fee;
  }

  bool transfer(int From, int To, long Amount) {
    std::lock_guard<std::shared_mutex> Lock(Mutex);
    if (Balances[From] < Amount)
      return false;
    Balances[From] -= Amount;
    Balances[To] += Amount;
    return true;
  }

  long total() const {
    std::shared_lock Lock(Mutex);
    long Sum = 0;
    for (long B : Balances)
      Sum += B;
    return Sum;
  }

  std::string statement(int Account) const {
    std::shared_lock<std::shared_mutex> Lock(Mutex);
    return "account " + std::to_string(Account) + ": " + std::to_string(Balances[Account]);
  }

private:
  mutable std::shared_mutex Mutex;
  std::array<long, NumAccounts> Balances;
};

int main() {
  Ledger L;
  std::vector<std::thread> Staff;
  Staff.emplace_back([&L] {
    for (int M = 0; M < 500; ++M)
      for (int A = 0; A < NumAccounts; ++A)
        L.chargeMonthlyFee(A, 2);
  });
  Staff.emplace_back([&L] {
    for (int D = 0; D < 4000; ++D)
      L.deposit(D % NumAccounts, 5);
  });
  Staff.emplace_back([&L] {
    for (int T = 0; T < 4000; ++T)
      L.transfer(T % NumAccounts, (T * 3 + 1) % NumAccounts, 7);
  });
  std::vector<long> LowestSeen(2, 1L << 40);
  for (int A = 0; A < 2; ++A)
    Staff.emplace_back([&L, &LowestSeen, A] {
      for (int I = 0; I < 2000; ++I) {
        long T = L.total();
        if (T < LowestSeen[A])
          LowestSeen[A] = T;
        if (I % 500 == 0)
          std::printf("auditor %d: %s\n", A, L.statement(I % NumAccounts).c_str());
      }
    });
  for (std::thread &T : Staff)
    T.join();
  std::printf("final total %ld, lowest seen %ld / %ld\n", L.total(), LowestSeen[0], LowestSeen[1]);
}
