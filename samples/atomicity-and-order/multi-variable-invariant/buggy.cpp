// A bank keeps two accounts, each with its own mutex, and an auditor that
// checks the bank's invariant: the balances add up to the 1000 the bank
// holds. A transfer takes money out of one account and puts it into the
// other, locking one account at a time (which also rules out the lock-order
// deadlock of taking both). Every access to a balance is locked, so there
// is no data race. The bug: the invariant covers both balances, but no lock
// covers both. The auditor can run between the withdrawal and the deposit,
// see the money in neither account, and report 200 missing.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex M; // guards Balance
  long Balance;
};

Account Alice{{}, 500}, Bob{{}, 500};
long Audited = 0; // the total the auditor saw; main reads it after join()

// Forces the unlucky interleaving (see README.md): the auditor runs while
// the transfer is half done.
racelab::HiddenGate Withdrawn, AuditDone;

void transfer(Account &From, Account &To, long Amount) {
  {
    std::lock_guard<std::mutex> Lock(From.M);
    From.Balance -= Amount;
  }
  Withdrawn.open();
  AuditDone.wait();
  // Here the money is in neither account, and no lock says so.
  {
    std::lock_guard<std::mutex> Lock(To.M);
    To.Balance += Amount;
  }
}

long balance(Account &A) {
  std::lock_guard<std::mutex> Lock(A.M);
  return A.Balance;
}

int main() {
  std::thread Teller([] { transfer(Alice, Bob, 200); });
  std::thread Auditor([] {
    Withdrawn.wait();
    Audited = balance(Alice) + balance(Bob);
    AuditDone.open();
  });
  Teller.join();
  Auditor.join();
  std::printf("audit: total %ld (expected 1000)\n", Audited);
  std::printf("after the transfer: Alice %ld, Bob %ld\n", balance(Alice),
              balance(Bob));
}
