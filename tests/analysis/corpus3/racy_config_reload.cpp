// Hot configuration reload for a proxy: a reloader thread swaps in a new
// immutable Config from time to time, request threads take a copy of the
// current one per request. The Config is immutable, but the global
// shared_ptr object itself is shared and unsynchronised.
#include <chrono>
#include <cstdio>
#include <future>
#include <memory>
#include <string>
#include <thread>

struct Config {
  int MaxConnections;
  int TimeoutMs;
  std::string UpstreamHost;
};

std::shared_ptr<const Config> CurrentConfig =
    std::make_shared<const Config>(Config{100, 500, "10.0.0.1"});

static std::shared_ptr<const Config> parseConfig(int Version) {
  return std::make_shared<const Config>(Config{100 + Version * 10, 500 - Version * 5,
                                               "10.0.0." + std::to_string(Version % 250)});
}

static void reloader(int Versions) {
  for (int V = 2; V <= Versions; ++V) {
    std::shared_ptr<const Config> Fresh = parseConfig(V);
    CurrentConfig = Fresh; // expect-race: CurrentConfig replaced while request threads copy it
    std::this_thread::sleep_for(std::chrono::microseconds(300));
  }
}

static long serveRequests(int Requests) {
  long Budget = 0;
  for (int I = 0; I < Requests; ++I) {
    std::shared_ptr<const Config> Cfg = CurrentConfig; // expect-race: CurrentConfig
    Budget += Cfg->MaxConnections - Cfg->TimeoutMs / 10 +
              static_cast<long>(Cfg->UpstreamHost.size());
  }
  return Budget;
}

int main() {
  auto FrontA = std::async(std::launch::async, serveRequests, 20000);
  auto FrontB = std::async(std::launch::async, serveRequests, 20000);
  std::thread Reload(reloader, 40);
  long Budget = FrontA.get() + FrontB.get();
  Reload.join();
  std::printf("budget %ld, final upstream %s\n", Budget, CurrentConfig->UpstreamHost.c_str());
}
