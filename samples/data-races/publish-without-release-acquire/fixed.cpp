// The fix: the loader publishes the config with a release store and the
// handler reads the pointer with an acquire load. When the acquire load
// sees the pointer the release store wrote, everything the loader did
// before the store (building the Config) happens before everything the
// handler does after the load (reading its fields).
#include <atomic>
#include <cstdio>
#include <thread>

struct Config {
  int Port;
  int MaxConnections;
  int TimeoutMs;
};

std::atomic<Config *> Current{nullptr}; // null until the config is loaded

Config *parseConfig() {
  // Pretend the values come from a file.
  return new Config{8080, 256, 1500};
}

void loadConfig() {
  Config *Fresh = parseConfig();
  Current.store(Fresh, std::memory_order_release); // publish
}

void handleRequests() {
  Config *C;
  while ((C = Current.load(std::memory_order_acquire)) == nullptr)
    std::this_thread::yield(); // not loaded yet
  Config Settings = *C; // sees all the loader's writes
  std::printf("serving on port %d, up to %d connections, timeout %d ms\n",
              Settings.Port, Settings.MaxConnections, Settings.TimeoutMs);
}

int main() {
  std::thread Handler(handleRequests);
  std::thread Loader(loadConfig);
  Handler.join();
  Loader.join();
  delete Current.load();
}
