// A server loads its configuration on a thread of its own at startup, so
// that the request handler can start at once; the handler waits until the
// config is there. The loader builds a Config and publishes it through the
// atomic pointer `Current`, and the handler polls `Current` until it is set.
// Both use memory_order_relaxed: the pointer itself is atomic, but a relaxed
// store does not order the writes of the fields before it. The handler can
// see the new pointer and still not the fields: a data race on the fields.
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
  return new Config{8080, 256, 1500}; // expect-race: Config fields written
}

void loadConfig() {
  Config *Fresh = parseConfig();
  Current.store(Fresh, std::memory_order_relaxed); // publish: too weak
}

void handleRequests() {
  Config *C;
  while ((C = Current.load(std::memory_order_relaxed)) == nullptr)
    std::this_thread::yield(); // not loaded yet
  Config Settings = *C; // expect-race: Config fields read by the handler
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
