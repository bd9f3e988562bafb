// A bank account receives two postings at the same time: a card payment
// (the amount plus a 1% card fee) and a salary deposit. chargeCard() reads
// the balance, computes the fee, and writes the new balance back: three
// statements, and the whole sequence is one update. If the salary is posted
// between the read and the write, the write puts back a balance computed
// from the old value, and the salary is lost. No lock covers the sequence,
// so the balance is read and written by two threads with nothing ordering
// the accesses: a data race.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>

struct Account {
  long Balance; // in euros
};

Account Checking{1000};

// Force the unlucky interleaving in every run (see README.md): the card
// payment pauses between its read and its write until the salary is posted.
racelab::HiddenGate CardBalanceRead, SalaryPosted;

// One update in three statements: read, compute, write. The update is only
// right if nobody changes the balance between the first and the last.
void chargeCard(long Amount) {
  long Balance = Checking.Balance; // expect-race: Balance read by chargeCard
  long Fee = Amount / 100;         // the 1% card fee
  CardBalanceRead.open();
  SalaryPosted.wait();
  Checking.Balance = Balance - Amount - Fee; // expect-race: Balance (stale)
}

void depositSalary(long Amount) {
  Checking.Balance += Amount; // expect-race: Balance written by depositSalary
}

int main() {
  std::thread Card([] { chargeCard(300); });
  std::thread Salary([] {
    CardBalanceRead.wait();
    depositSalary(2000);
    SalaryPosted.open();
  });
  Card.join();
  Salary.join();
  std::printf("balance %ld (expected %d)\n", Checking.Balance,
              1000 - 300 - 3 + 2000);
}
