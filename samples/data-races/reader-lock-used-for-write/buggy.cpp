// A DNS cache read by many resolver threads. Lookups are far more common
// than inserts, so the cache uses a std::shared_mutex: lookups take a
// shared (reader) lock and run in parallel, inserts take the unique
// (writer) lock.
// The bug: lookup() also counts its hits, ++Hits, while holding only the
// reader lock. A reader lock lets other readers in at the same time, so
// two lookups increment Hits together: a data race, and lost hits. A
// reader lock is a promise to only read.
#include "racelab/interleave.h"

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
    ++Hits; // expect-race: Hits written under a reader lock
    return It->second;
  }

  long hits() {
    std::shared_lock<std::shared_mutex> Lock(M);
    return Hits;
  }

private:
  std::shared_mutex M; // guards Entries and Hits
  std::map<std::string, std::string> Entries;
  long Hits = 0;
};

DnsCache Cache;

void resolveAll(int Times) {
  for (int I = 0; I < Times; ++I)
    for (const char *Host : {"example.com", "example.org", "example.net"})
      Cache.lookup(Host);
}

// Forces the overlap (see README.md): resolver 2 starts while resolver 1 is
// halfway through.
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
