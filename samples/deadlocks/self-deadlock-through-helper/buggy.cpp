// A bank account shared by two threads: a shop thread that charges a card
// payment and a payroll thread that pays a salary in. Every public member
// function locks the account's mutex, which is right for the public API.
// The bug: deposit() holds the mutex and calls the public balance() to
// check the insured limit, and balance() locks the same mutex again.
// std::mutex is not recursive, so the payroll thread waits for itself, for
// ever, inside its own deposit().
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

class Account {
public:
  explicit Account(long Opening) : Balance(Opening) {}

  long balance() const {
    // expect-deadlock@+1: M
    std::lock_guard<std::mutex> Lock(M); // expect-double-lock: M
    return Balance;
  }

  // Refuses a deposit that would take the balance over the insured limit.
  bool deposit(long Amount) {
    std::lock_guard<std::mutex> Lock(M);
    if (balance() + Amount > InsuredLimit) // balance() locks M again
      return false;
    Balance += Amount;
    return true;
  }

  // Refuses a payment the balance does not cover.
  bool withdraw(long Amount) {
    std::lock_guard<std::mutex> Lock(M);
    if (Amount > Balance)
      return false;
    Balance -= Amount;
    return true;
  }

private:
  static constexpr long InsuredLimit = 100000;
  mutable std::mutex M; // guards Balance
  long Balance;
};

// Makes the hang the same in every run (see README.md): the payroll thread
// starts its deposit only after the shop's payment has gone through, so
// only the payroll thread is ever stuck, and always at the same line.
racelab::HiddenGate PaymentDone;

int main() {
  Account Checking(1200);
  bool Paid = false, Deposited = false;
  std::thread Shop([&] {
    Paid = Checking.withdraw(45);
    PaymentDone.open();
  });
  std::thread Payroll([&] {
    PaymentDone.wait();
    Deposited = Checking.deposit(2500);
  });
  Shop.join();
  Payroll.join();
  std::printf("payment %s, salary %s, balance %ld\n", Paid ? "ok" : "refused",
              Deposited ? "ok" : "refused", Checking.balance());
}
