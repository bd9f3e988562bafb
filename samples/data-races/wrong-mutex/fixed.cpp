// The fix: DepositsToday gets a mutex of its own, and every access to it
// takes that one. An account's mutex guards that account's balance; the
// bank-wide total belongs to no account, so no account's mutex can guard
// it. Now both tellers take the same mutex for the total, and their
// updates are ordered.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex M; // guards Balance
  long Balance = 0;
};

Account Alice, Bob;
std::mutex TotalsMutex; // guards DepositsToday
long DepositsToday = 0; // bank-wide, shared by all accounts

void deposit(Account &To, long Amount) {
  {
    std::lock_guard<std::mutex> Lock(To.M);
    To.Balance += Amount;
  }
  std::lock_guard<std::mutex> Lock(TotalsMutex);
  DepositsToday += Amount;
}

// The same forced overlap as in buggy.cpp: the fix must hold up under it.
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
