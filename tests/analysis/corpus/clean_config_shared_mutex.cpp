// A configuration registry with std::shared_mutex: readers take a
// shared_lock and only read; the one writer takes a unique_lock. The lookup
// counter is an atomic so that readers may bump it under the shared lock.
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

class ConfigRegistry {
public:
  void set(const std::string &Key, const std::string &Value) {
    std::unique_lock<std::shared_mutex> Lock(Mutex);
    Values[Key] = Value;
    ++Version;
  }

  std::string get(const std::string &Key) const {
    std::shared_lock<std::shared_mutex> Lock(Mutex);
    Lookups.fetch_add(1, std::memory_order_relaxed);
    auto It = Values.find(Key);
    return It == Values.end() ? std::string() : It->second;
  }

  unsigned version() const {
    std::shared_lock Lock(Mutex);
    return Version;
  }

  long lookups() const { return Lookups.load(); }

private:
  mutable std::shared_mutex Mutex;
  std::map<std::string, std::string> Values;
  unsigned Version = 0;
  mutable std::atomic<long> Lookups{0};
};

void renderPages(const ConfigRegistry &Config, int Pages) {
  size_t Bytes = 0;
  for (int P = 0; P < Pages; ++P)
    Bytes += Config.get("site.title").size() + Config.get("site.footer").size();
  std::printf("rendered %zu bytes at version %u\n", Bytes, Config.version());
}

int main() {
  ConfigRegistry Config;
  Config.set("site.title", "RaceLab");
  Config.set("site.footer", "(c) nobody");
  std::vector<std::thread> Renderers;
  for (int I = 0; I < 4; ++I)
    Renderers.emplace_back(renderPages, std::cref(Config), 200);
  std::thread Admin([&Config] {
    for (int I = 0; I < 50; ++I)
      Config.set("site.footer", "(c) " + std::to_string(2000 + I));
  });
  for (auto &R : Renderers)
    R.join();
  Admin.join();
  std::printf("%ld lookups\n", Config.lookups());
}
