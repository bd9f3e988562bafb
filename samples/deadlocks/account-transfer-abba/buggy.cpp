// transfer(From, To) locks From's mutex, then To's. One thread moves money
// from Alice to Bob while another moves money from Bob to Alice, so the two
// threads take the same two mutexes in opposite orders (A then B, B then A).
// If each thread gets its first mutex before the other gets its second, both
// wait for each other forever: a deadlock.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex M; // guards Balance
  long Balance;
};

void transfer(Account &From, Account &To, long Amount) {
  std::lock_guard<std::mutex> LockFrom(From.M); // expect-lock-order: From.M
  std::lock_guard<std::mutex> LockTo(To.M);     // expect-lock-order: To.M
  From.Balance -= Amount;
  To.Balance += Amount;
}

// Keeps this program from really hanging (see README.md): the second
// transfer starts only after the first one has finished. TSan still sees
// both lock orders and reports that they can deadlock.
racelab::HiddenGate FirstTransferDone;

int main() {
  Account Alice{{}, 100};
  Account Bob{{}, 100};
  std::thread T1([&] {
    transfer(Alice, Bob, 30); // takes Alice.M, then Bob.M
    FirstTransferDone.open();
  });
  std::thread T2([&] {
    FirstTransferDone.wait();
    transfer(Bob, Alice, 20); // takes Bob.M, then Alice.M
  });
  T1.join();
  T2.join();
  std::printf("Alice: %ld, Bob: %ld, total: %ld\n", Alice.Balance, Bob.Balance,
              Alice.Balance + Bob.Balance);
}
