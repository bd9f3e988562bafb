// LRU cache in front of a slow profile store. Lookups and inserts hold the
// cache lock; a miss loads the value outside the lock and inserts it
// afterwards (another thread may have inserted it meanwhile, which is fine).
// Statistics are relaxed atomics; the per-thread results are summed after
// the joins.
#include <atomic>
#include <cstdio>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

class LruCache {
public:
  explicit LruCache(size_t Capacity) : Capacity(Capacity) {}

  std::optional<std::string> get(int Key) {
    std::scoped_lock Lock(Mutex);
    auto It = Index.find(Key);
    if (It == Index.end()) {
      Misses.fetch_add(1, std::memory_order_relaxed);
      return std::nullopt;
    }
    Order.splice(Order.begin(), Order, It->second);
    Hits.fetch_add(1, std::memory_order_relaxed);
    return It->second->second;
  }

  void put(int Key, std::string Value) {
    std::scoped_lock Lock(Mutex);
    if (auto It = Index.find(Key); It != Index.end()) {
      It->second->second = std::move(Value);
      Order.splice(Order.begin(), Order, It->second);
      return;
    }
    Order.emplace_front(Key, std::move(Value));
    Index[Key] = Order.begin();
    if (Order.size() > Capacity) {
      Index.erase(Order.back().first);
      Order.pop_back();
    }
  }

  long hits() const { return Hits.load(std::memory_order_relaxed); }
  long misses() const { return Misses.load(std::memory_order_relaxed); }

private:
  using Entry = std::pair<int, std::string>;
  const size_t Capacity;
  std::mutex Mutex;
  std::list<Entry> Order;
  std::unordered_map<int, std::list<Entry>::iterator> Index;
  std::atomic<long> Hits{0}, Misses{0};
};

static std::string loadUserProfile(int UserId) {
  std::string Profile = "user:" + std::to_string(UserId) + ":";
  for (int I = 0; I < 50; ++I)
    Profile += static_cast<char>('a' + (UserId * I) % 26);
  return Profile;
}

static size_t serveProfiles(LruCache &Cache, unsigned Seed, int Requests) {
  size_t Bytes = 0;
  for (int I = 0; I < Requests; ++I) {
    Seed = Seed * 1664525u + 1013904223u;
    int User = static_cast<int>((Seed >> 20) % 100);
    std::optional<std::string> Profile = Cache.get(User);
    if (!Profile) {
      Profile = loadUserProfile(User);
      Cache.put(User, *Profile);
    }
    Bytes += Profile->size();
  }
  return Bytes;
}

int main() {
  LruCache Cache(64);
  std::vector<size_t> Served(4);
  std::vector<std::thread> Threads;
  for (unsigned T = 0; T < 4; ++T)
    Threads.emplace_back(
        [&Cache, &Served, T] { Served[T] = serveProfiles(Cache, T * 977 + 1, 5000); });
  for (std::thread &T : Threads)
    T.join();
  size_t Total = 0;
  for (size_t S : Served)
    Total += S;
  std::printf("served %zu bytes, hits %ld, misses %ld\n", Total, Cache.hits(), Cache.misses());
}
