// The fix: one mutex guards the account, and chargeCard() holds it for the
// whole read-compute-write sequence, not for each statement. The salary
// deposit takes the same mutex, so it can only run before the card payment
// reads the balance or after it has written the new one.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  long Balance; // in euros
  std::mutex M; // guards Balance
};

Account Checking{1000};

// The salary thread still arrives while the card payment is half done.
racelab::HiddenGate CardBalanceRead;

void chargeCard(long Amount) {
  std::lock_guard<std::mutex> Lock(Checking.M); // held until the write is done
  long Balance = Checking.Balance;
  long Fee = Amount / 100;
  // buggy.cpp also waits here for the salary to be posted. With the lock
  // held that wait could never end: the deposit needs the lock. The mutex
  // makes that interleaving impossible, which is the whole point.
  CardBalanceRead.open();
  Checking.Balance = Balance - Amount - Fee;
}

void depositSalary(long Amount) {
  std::lock_guard<std::mutex> Lock(Checking.M);
  Checking.Balance += Amount;
}

int main() {
  std::thread Card([] { chargeCard(300); });
  std::thread Salary([] {
    CardBalanceRead.wait();
    depositSalary(2000); // blocks until chargeCard() releases the lock
  });
  Card.join();
  Salary.join();
  std::printf("balance %ld (expected %d)\n", Checking.Balance,
              1000 - 300 - 3 + 2000);
}
