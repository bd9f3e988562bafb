// A shop session owns a price cache. The cache's constructor starts a
// warmer thread that fills the member table Prices in the background, so
// that the session can answer quickly later.
// The bug: the destructor neither stops nor joins the warmer. It detaches
// it, "so that closing a session never waits". When the session is closed
// before warming is done, the cache object is freed while the warmer still
// runs, and the warmer keeps writing this->Prices: memory that no longer
// belongs to the cache. `this` does not keep the object alive.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>

constexpr int Products = 64;

int lookupPrice(int Product) { return 100 + Product * 7 % 13; } // the slow part

// Force the unlucky order (see README.md): the warmer starts filling only
// after main has deleted the cache (CacheDeleted); main waits for the warmer
// (WarmerDone) only so that the process does not exit before it is done.
racelab::HiddenGate CacheDeleted;
racelab::HiddenGate WarmerDone;

class PriceCache {
public:
  PriceCache() : Warmer([this] { warm(); }) {}
  ~PriceCache() { Warmer.detach(); } // BUG: the warmer may still be running

private:
  void warm() {
    CacheDeleted.wait();
    for (int P = 0; P < Products; ++P)
      // expect-race@+1: Prices (what racecheck calls it, see README.md)
      Prices[P] = lookupPrice(P); // expect-use-after-free: Prices, the cache is gone
    WarmerDone.open();
  }

  int Prices[Products] = {};
  std::thread Warmer;
};

int main() {
  auto *Cache = new PriceCache;
  std::printf("session opened\n");
  // The user leaves at once: the session, and its cache, are closed.
  // expect-race@+1: Prices (what racecheck calls it, see README.md)
  delete Cache; // expect-use-after-free: Prices, freed here with the cache
  std::printf("session closed\n");
  CacheDeleted.open();
  WarmerDone.wait();
}
