// The fix: the cache's destructor stops the warmer and waits for it, so the
// warmer can never outlive the object whose members it uses. The warmer is a
// std::jthread: its destructor calls request_stop() and then join(). The
// warmer checks its stop token between products, so closing a session
// waits for at most one lookup, not for the whole table.
// Members are destroyed in reverse order of declaration, so Warmer, declared
// last, is destroyed first: the warmer is stopped and joined while Prices
// is still alive. (Declared first, Warmer would be joined only after Prices
// was gone.) And members are constructed in declaration order, so the
// thread starts only after Prices is initialised.
#include <cstdio>
#include <stop_token>
#include <thread>

constexpr int Products = 64;

int lookupPrice(int Product) { return 100 + Product * 7 % 13; } // the slow part

class PriceCache {
public:
  PriceCache() : Warmer([this](std::stop_token Stop) { warm(Stop); }) {}
  // Nothing to write: ~jthread requests a stop and joins, before the other
  // members are destroyed and before the memory is freed.
  ~PriceCache() = default;

private:
  void warm(std::stop_token Stop) {
    for (int P = 0; P < Products && !Stop.stop_requested(); ++P)
      Prices[P] = lookupPrice(P);
  }

  int Prices[Products] = {};
  std::jthread Warmer; // declared last: destroyed first (see the top)
};

int main() {
  auto *Cache = new PriceCache;
  std::printf("session opened\n");
  // The user leaves at once: delete stops the warmer, waits for it, and
  // only then frees the cache.
  delete Cache;
  std::printf("session closed\n");
}
