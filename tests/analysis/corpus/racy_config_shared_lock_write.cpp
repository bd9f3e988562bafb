// A configuration registry protected by a reader/writer lock. get() takes
// a shared lock, which is right for the lookup, but it also bumps a lookup
// counter: many readers hold the shared lock at once, so they all write it.
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
  }

  std::string get(const std::string &Key) const {
    std::shared_lock<std::shared_mutex> Lock(Mutex);
    ++Lookups; // expect-race: Lookups written under a shared lock
    auto It = Values.find(Key);
    return It == Values.end() ? std::string() : It->second;
  }

  long lookups() const {
    std::unique_lock<std::shared_mutex> Lock(Mutex);
    return Lookups;
  }

private:
  mutable std::shared_mutex Mutex;
  std::map<std::string, std::string> Values;
  mutable long Lookups = 0;
};

void renderPages(const ConfigRegistry &Config, int Pages) {
  size_t Bytes = 0;
  for (int P = 0; P < Pages; ++P) {
    Bytes += Config.get("site.title").size();
    Bytes += Config.get("site.footer").size();
  }
  std::printf("rendered %zu bytes\n", Bytes);
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
