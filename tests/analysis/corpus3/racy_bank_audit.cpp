// Ledger of a small credit union, guarded by a shared_mutex: deposits take
// it exclusively, balance queries and the auditor take it shared. Monthly
// fees were "optimised" to take the shared lock as well.
#include <array>
#include <cstdio>
#include <mutex>
#include <shared_mutex>
#include <thread>

constexpr int NumAccounts = 8;

class Ledger {
public:
  Ledger() { Balances.fill(1000); }

  void deposit(int Account, long Amount) {
    std::unique_lock Lock(Mutex);
    Balances[Account] += Amount;
  }

  void chargeMonthlyFee(int Account, long Fee) {
    std::shared_lock Lock(Mutex); // fees are tiny, readers should not wait for them
    Balances[Account] -= Fee; // expect-race: Balances written under a shared lock
  }

  long total() const {
    std::shared_lock Lock(Mutex);
    long Sum = 0;
    for (long B : Balances)
      Sum += B; // expect-race: Balances
    return Sum;
  }

  long balance(int Account) const {
    std::shared_lock Lock(Mutex);
    return Balances[Account]; // expect-race: Balances
  }

private:
  mutable std::shared_mutex Mutex;
  std::array<long, NumAccounts> Balances;
};

static void feeRun(Ledger &L, int Months) {
  for (int M = 0; M < Months; ++M)
    for (int A = 0; A < NumAccounts; ++A)
      L.chargeMonthlyFee(A, 2);
}

static void teller(Ledger &L, int Deposits) {
  for (int D = 0; D < Deposits; ++D)
    L.deposit(D % NumAccounts, 5);
}

static void auditor(const Ledger &L, int Audits, long &Lowest) {
  for (int I = 0; I < Audits; ++I) {
    long T = L.total();
    if (T < Lowest)
      Lowest = T;
    if (L.balance(I % NumAccounts) < 0)
      std::printf("account %d overdrawn\n", I % NumAccounts);
  }
}

int main() {
  Ledger L;
  long Lowest = 1L << 40;
  std::thread Fees1(feeRun, std::ref(L), 500);
  std::thread Fees2(feeRun, std::ref(L), 500);
  std::thread Teller(teller, std::ref(L), 4000);
  std::thread Auditor(auditor, std::cref(L), 2000, std::ref(Lowest));
  Fees1.join();
  Fees2.join();
  Teller.join();
  Auditor.join();
  std::printf("final total %ld, lowest seen %ld\n", L.total(), Lowest);
}
