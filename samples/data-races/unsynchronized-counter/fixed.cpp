// The fix: every read-modify-write of Counter happens while holding the same
// mutex, so the increments of the two threads can no longer interleave.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

constexpr int Increments = 10000;

long Counter = 0;
std::mutex CounterMutex; // guards Counter

// The same forced overlap as in buggy.cpp: the fix must hold up under it.
racelab::HiddenGate AHalfway;

void count(int From, int To) {
  for (int I = From; I < To; ++I) {
    std::lock_guard<std::mutex> Lock(CounterMutex);
    Counter++;
  }
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
