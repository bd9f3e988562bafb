// A web server counts page views in a std::atomic<long>. Two worker threads
// each serve 10000 requests and count each one. The bug: a worker counts
// with a load and a separate store. Each of the two is atomic, so there is
// no data race, but the pair is not: between a worker's load and its store
// the other worker can count, and the store then writes back a stale value
// and erases those counts. Atomic operations do not make a sequence of
// them atomic.
#include "racelab/interleave.h"

#include <atomic>
#include <cstdio>
#include <thread>

constexpr int Requests = 10000; // per worker

std::atomic<long> Views{0};

// Forces the unlucky interleaving (see README.md): worker A is paused
// halfway, between a load and its store, while worker B serves all its
// requests.
racelab::HiddenGate ALoaded, BDone;

void serve(bool PauseHalfway) {
  for (int I = 0; I < Requests; ++I) {
    long Seen = Views.load(); // atomic read ...
    if (PauseHalfway && I == Requests / 2) {
      ALoaded.open();
      BDone.wait();
    }
    Views.store(Seen + 1); // ... atomic write, of a value that may be stale
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
