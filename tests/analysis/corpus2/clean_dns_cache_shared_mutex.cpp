// Resolver cache: many lookups in parallel under a shared lock, inserts and
// expiry under the exclusive lock. Hit/miss counters are atomics.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

struct Record {
  std::string Address;
  int ExpiresAt;
};

class DnsCache {
public:
  std::optional<std::string> lookup(const std::string &Host, int Now) const {
    std::shared_lock<std::shared_mutex> L(M);
    auto It = Entries.find(Host);
    if (It == Entries.end() || It->second.ExpiresAt <= Now) {
      Misses.fetch_add(1, std::memory_order_relaxed);
      return std::nullopt;
    }
    Hits.fetch_add(1, std::memory_order_relaxed);
    return It->second.Address;
  }

  void store(const std::string &Host, std::string Addr, int Now) {
    std::unique_lock<std::shared_mutex> L(M);
    Entries[Host] = Record{std::move(Addr), Now + 50};
  }

  size_t expire(int Now) {
    std::lock_guard<std::shared_mutex> L(M);
    size_t Removed = 0;
    for (auto It = Entries.begin(); It != Entries.end();) {
      if (It->second.ExpiresAt <= Now) {
        It = Entries.erase(It);
        ++Removed;
      } else {
        ++It;
      }
    }
    return Removed;
  }

  void printStats() const {
    std::printf("hits=%ld misses=%ld\n", Hits.load(), Misses.load());
  }

private:
  mutable std::shared_mutex M;
  std::unordered_map<std::string, Record> Entries;
  mutable std::atomic<long> Hits{0};
  mutable std::atomic<long> Misses{0};
};

static std::string resolveUpstream(const std::string &Host) {
  return "192.0.2." + std::to_string(Host.size() % 250);
}

int main() {
  DnsCache Cache;
  const std::vector<std::string> Hosts = {"a.example", "bb.example", "ccc.example",
                                          "dddd.example", "eeeee.example"};
  std::vector<std::thread> Clients;
  for (int C = 0; C < 4; ++C)
    Clients.emplace_back([&Cache, &Hosts, C] {
      for (int Now = 0; Now < 500; ++Now) {
        const std::string &H = Hosts[size_t(Now + C) % Hosts.size()];
        if (!Cache.lookup(H, Now))
          Cache.store(H, resolveUpstream(H), Now);
      }
    });
  std::thread Janitor([&Cache] {
    size_t Total = 0;
    for (int Now = 0; Now < 500; Now += 25)
      Total += Cache.expire(Now);
    std::printf("expired %zu entries\n", Total);
  });
  for (auto &T : Clients)
    T.join();
  Janitor.join();
  Cache.printStats();
  return 0;
}
