// The fix: Hits becomes a std::atomic, so lookups can count their hits
// while they share the reader lock. The reader lock again only guards what
// lookup() reads (the map); the counter is safe on its own. Lookups still
// run in parallel, which is the point of the shared_mutex.
#include "racelab/interleave.h"

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>

class DnsCache {
public:
  void insert(const char *Host, const char *Address) {
    std::unique_lock<std::shared_mutex> Lock(M); // a writer: alone
    Entries[Host] = Address;
  }

  std::optional<std::string> lookup(const char *Host) {
    std::shared_lock<std::shared_mutex> Lock(M); // a reader: others too
    auto It = Entries.find(Host);
    if (It == Entries.end())
      return std::nullopt;
    // A statistic: it needs no ordering with other memory, only no lost
    // updates, so a relaxed atomic increment is enough.
    Hits.fetch_add(1, std::memory_order_relaxed);
    return It->second;
  }

  long hits() { return Hits.load(std::memory_order_relaxed); }

private:
  std::shared_mutex M; // guards Entries: shared to read, unique to write
  std::map<std::string, std::string> Entries;
  std::atomic<long> Hits{0}; // needs no lock
};

DnsCache Cache;

void resolveAll(int Times) {
  for (int I = 0; I < Times; ++I)
    for (const char *Host : {"example.com", "example.org", "example.net"})
      Cache.lookup(Host);
}

// The same forced overlap as in buggy.cpp: the fix must hold up under it.
racelab::HiddenGate FirstHalfway;

int main() {
  Cache.insert("example.com", "93.184.215.14");
  Cache.insert("example.org", "93.184.215.34");
  Cache.insert("example.net", "93.184.215.24");
  std::thread Resolver1([] {
    resolveAll(50);
    FirstHalfway.open();
    resolveAll(50);
  });
  std::thread Resolver2([] {
    FirstHalfway.wait();
    resolveAll(100);
  });
  Resolver1.join();
  Resolver2.join();
  std::printf("cache hits: %ld (expected 600)\n", Cache.hits());
}
