// A memoising cache for an expensive function. The map and the hit counter
// are updated under the cache mutex; the miss counter sits right next to
// them but is bumped after the lock has been released.
#include <cmath>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

struct CacheStats {
  long Hits = 0;
  long Misses = 0;
};

class PrimeCache {
public:
  bool isPrime(unsigned N) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      auto It = Known.find(N);
      if (It != Known.end()) {
        ++Stats.Hits;
        return It->second;
      }
    }
    bool Result = compute(N);
    ++Stats.Misses; // expect-race: Misses bumped outside the lock
    std::lock_guard<std::mutex> Lock(Mutex);
    Known.emplace(N, Result);
    return Result;
  }

  CacheStats stats() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Stats;
  }

private:
  static bool compute(unsigned N) {
    if (N < 2)
      return false;
    for (unsigned D = 2; D <= static_cast<unsigned>(std::sqrt(N)); ++D)
      if (N % D == 0)
        return false;
    return true;
  }

  std::mutex Mutex;
  std::unordered_map<unsigned, bool> Known;
  CacheStats Stats;
};

int main() {
  PrimeCache Cache;
  std::vector<std::thread> Workers;
  for (unsigned W = 0; W < 4; ++W) {
    Workers.emplace_back([&Cache, W] {
      unsigned Count = 0;
      for (unsigned N = W * 500; N < W * 500 + 2000; ++N)
        Count += Cache.isPrime(N);
      std::printf("worker %u: %u primes\n", W, Count);
    });
  }
  for (auto &T : Workers)
    T.join();
  CacheStats S = Cache.stats();
  std::printf("hits %ld misses %ld\n", S.Hits, S.Misses);
}
