// The fix: a worker counts with Views.fetch_add(1), one atomic
// read-modify-write. The hardware reads, adds and writes as one indivisible
// step, so no other thread can count in between and no count is lost.
#include "racelab/interleave.h"

#include <atomic>
#include <cstdio>
#include <thread>

constexpr int Requests = 10000; // per worker

std::atomic<long> Views{0};

// The same forced order as in buggy.cpp: A is paused halfway while B
// serves all its requests.
racelab::HiddenGate ALoaded, BDone;

void serve(bool PauseHalfway) {
  for (int I = 0; I < Requests; ++I) {
    if (PauseHalfway && I == Requests / 2) {
      ALoaded.open();
      BDone.wait();
    }
    Views.fetch_add(1); // load, add and store in one step
  }
}

int main() {
  std::thread A([] { serve(/*PauseHalfway=*/true); });
  std::thread B([] {
    ALoaded.wait();
    serve(/*PauseHalfway=*/false);
    BDone.open();
  });
  A.join();
  B.join();
  std::printf("Views = %ld (expected %d)\n", Views.load(), 2 * Requests);
}
