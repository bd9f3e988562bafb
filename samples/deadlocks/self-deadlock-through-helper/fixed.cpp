// The fix: split the API in two. Public member functions lock the mutex and
// only call private helpers that assume it is already held; the helpers
// never lock (their "Locked" suffix says the caller holds M). deposit() now
// calls balanceLocked(), so every path takes M exactly once, and balance()
// stays available, and safe, for callers outside the class.
#include <cstdio>
#include <mutex>
#include <thread>

class Account {
public:
  explicit Account(long Opening) : Balance(Opening) {}

  long balance() const {
    std::lock_guard<std::mutex> Lock(M);
    return balanceLocked();
  }

  // Refuses a deposit that would take the balance over the insured limit.
  bool deposit(long Amount) {
    std::lock_guard<std::mutex> Lock(M);
    if (balanceLocked() + Amount > InsuredLimit)
      return false;
    Balance += Amount;
    return true;
  }

  // Refuses a payment the balance does not cover.
  bool withdraw(long Amount) {
    std::lock_guard<std::mutex> Lock(M);
    if (Amount > balanceLocked())
      return false;
    Balance -= Amount;
    return true;
  }

private:
  // The caller must hold M.
  long balanceLocked() const { return Balance; }

  static constexpr long InsuredLimit = 100000;
  mutable std::mutex M; // guards Balance
  long Balance;
};

int main() {
  Account Checking(1200);
  bool Paid = false, Deposited = false;
  // No forced order here: the payment and the salary may really arrive at
  // the same time, in either order; both orders give the same result.
  std::thread Shop([&] { Paid = Checking.withdraw(45); });
  std::thread Payroll([&] { Deposited = Checking.deposit(2500); });
  Shop.join();
  Payroll.join();
  std::printf("payment %s, salary %s, balance %ld\n", Paid ? "ok" : "refused",
              Deposited ? "ok" : "refused", Checking.balance());
}
