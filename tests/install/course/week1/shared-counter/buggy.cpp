// Two threads each add 1000 to a shared total without a lock: a data race.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>

long Total = 0;
racelab::HiddenGate FirstHalfway; // makes the threads overlap in every run

void add(int N) {
  for (int I = 0; I < N; ++I)
    Total++; // expect-race: Total
}

int main() {
  std::thread A([] {
    add(500);
    FirstHalfway.open();
    add(500);
  });
  std::thread B([] {
    FirstHalfway.wait();
    add(1000);
  });
  A.join();
  B.join();
  std::printf("Total = %ld\n", Total);
}
