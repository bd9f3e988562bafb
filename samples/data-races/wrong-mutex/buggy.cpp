// A bank keeps one mutex per account, so that deposits to different
// accounts can run in parallel. Each deposit also adds to the bank-wide
// total of the day's deposits.
// The bug: deposit() updates that total under the lock it already holds,
// the account's. Two tellers depositing into two different accounts hold
// two different mutexes, so each writes DepositsToday "under a lock", but
// not the same one: the locks exclude nothing, and the writes race.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex M; // guards Balance
  long Balance = 0;
};

Account Alice, Bob;
long DepositsToday = 0; // bank-wide, shared by all accounts

void deposit(Account &To, long Amount) {
  std::lock_guard<std::mutex> Lock(To.M);
  To.Balance += Amount;
  DepositsToday += Amount; // expect-race: DepositsToday, under To.M only
}

// Forces the overlap (see README.md): the second teller starts while the
// first is halfway through its deposits.
racelab::HiddenGate FirstHalfway;

int main() {
  std::thread Teller1([] {
    for (int I = 1; I <= 100; ++I) {
      deposit(Alice, 10);
      if (I == 50)
        FirstHalfway.open();
    }
  });
  std::thread Teller2([] {
    FirstHalfway.wait();
    for (int I = 1; I <= 100; ++I)
      deposit(Bob, 25);
  });
  Teller1.join();
  Teller2.join();
  std::printf("Alice %ld, Bob %ld\n", Alice.Balance, Bob.Balance);
  std::printf("deposits today: %ld (expected %ld)\n", DepositsToday,
              Alice.Balance + Bob.Balance);
}
