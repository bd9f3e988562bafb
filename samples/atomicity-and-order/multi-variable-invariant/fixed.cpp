// The fix: one mutex guards both balances, because the invariant (the
// balances add up to 1000) is about both. A transfer holds it from the
// withdrawal to the deposit, and the audit holds it while it reads both
// balances, so the audit sees the accounts before the transfer or after it,
// never in the middle.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  long Balance;
};

std::mutex BankMutex; // guards the balances of all accounts, together
Account Alice{500}, Bob{500};
long Audited = 0; // the total the auditor saw; main reads it after join()

// The same forced timing as in buggy.cpp: the auditor starts while the
// transfer is half done. Now it has to wait for BankMutex until the
// transfer is complete. (The teller no longer waits for the audit: it holds
// the lock the audit needs, so that would never end.)
racelab::HiddenGate Withdrawn;

void transfer(Account &From, Account &To, long Amount) {
  std::lock_guard<std::mutex> Lock(BankMutex);
  From.Balance -= Amount;
  Withdrawn.open();
  To.Balance += Amount;
}

long totalBalance() {
  std::lock_guard<std::mutex> Lock(BankMutex);
  return Alice.Balance + Bob.Balance; // both read under one lock
}

int main() {
  std::thread Teller([] { transfer(Alice, Bob, 200); });
  std::thread Auditor([] {
    Withdrawn.wait();
    Audited = totalBalance();
  });
  Teller.join();
  Auditor.join();
  std::printf("audit: total %ld (expected 1000)\n", Audited);
  std::printf("after the transfer: Alice %ld, Bob %ld\n", Alice.Balance,
              Bob.Balance);
}
