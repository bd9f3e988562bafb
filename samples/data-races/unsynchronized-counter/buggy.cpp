// Two threads each add 10000 to a shared counter. The total should be 20000,
// but `Counter++` is a read, an add and a write: when the threads overlap,
// one thread's write can overwrite the other's, and updates are lost.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>

constexpr int Increments = 10000;

long Counter = 0;

// Forces the threads to overlap in every run (see README.md): B starts
// counting while A is halfway through.
racelab::HiddenGate AHalfway;

void count(int From, int To) {
  for (int I = From; I < To; ++I)
    Counter++; // expect-race: Counter
}

int main() {
  std::thread A([] {
    count(0, Increments / 2);
    AHalfway.open();
    count(Increments / 2, Increments);
  });
  std::thread B([] {
    AHalfway.wait();
    count(0, Increments);
  });
  A.join();
  B.join();
  std::printf("Counter = %ld (expected %d)\n", Counter, 2 * Increments);
}
