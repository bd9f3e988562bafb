// LRU cache in front of a slow record store, shared by request threads.
// Lookups and inserts hold the cache lock, but the hit/miss statistics are
// bumped after the lock has already been released.
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
    std::unique_lock<std::mutex> Lock(Mutex);
    auto It = Index.find(Key);
    if (It == Index.end()) {
      Lock.unlock();
      ++Misses; // expect-race: Misses counted after the unlock
      return std::nullopt;
    }
    Entries.splice(Entries.begin(), Entries, It->second);
    std::string Value = It->second->second;
    Lock.unlock();
    ++Hits; // expect-race: Hits counted after the unlock
    return Value;
  }

  void put(int Key, std::string Value) {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Index.find(Key);
    if (It != Index.end()) {
      It->second->second = std::move(Value);
      Entries.splice(Entries.begin(), Entries, It->second);
      return;
    }
    Entries.emplace_front(Key, std::move(Value));
    Index[Key] = Entries.begin();
    if (Entries.size() > Capacity) {
      Index.erase(Entries.back().first);
      Entries.pop_back();
    }
  }

  void printStats() {
    std::lock_guard<std::mutex> Lock(Mutex);
    std::printf("hits %ld misses %ld size %zu\n", Hits, Misses, Entries.size());
  }

private:
  using Entry = std::pair<int, std::string>;
  const size_t Capacity;
  std::list<Entry> Entries;
  std::unordered_map<int, std::list<Entry>::iterator> Index;
  std::mutex Mutex;
  long Hits = 0;
  long Misses = 0;
};

static std::string loadRecord(int Key) {
  std::string Record = "record-" + std::to_string(Key) + ":";
  for (int I = 0; I < 32; ++I)
    Record += static_cast<char>('a' + (Key + I) % 26);
  return Record;
}

static void worker(LruCache &Cache, unsigned Seed) {
  unsigned State = Seed;
  for (int I = 0; I < 2000; ++I) {
    State = State * 1103515245u + 12345u;
    int Key = static_cast<int>((State >> 16) % 64);
    if (!Cache.get(Key))
      Cache.put(Key, loadRecord(Key));
  }
}

int main() {
  LruCache Cache(32);
  std::vector<std::thread> Threads;
  for (unsigned I = 0; I < 4; ++I)
    Threads.emplace_back(worker, std::ref(Cache), I + 1);
  for (std::thread &T : Threads)
    T.join();
  Cache.printStats();
}
