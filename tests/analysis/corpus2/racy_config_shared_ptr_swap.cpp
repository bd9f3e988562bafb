// Proxy workers read the current configuration through a global
// shared_ptr; a reloader thread replaces it every few milliseconds.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

struct ProxyConfig {
  int Generation = 0;
  int MaxConnections = 100;
  std::string LogLevel = "info";
  std::vector<std::string> Upstreams;
};

static std::shared_ptr<const ProxyConfig> CurrentConfig =
    std::make_shared<ProxyConfig>();

static std::shared_ptr<const ProxyConfig> loadConfig(int Generation) {
  auto C = std::make_shared<ProxyConfig>();
  C->Generation = Generation;
  C->MaxConnections = 100 + Generation * 10;
  C->LogLevel = Generation % 2 ? "debug" : "info";
  for (int I = 0; I <= Generation % 3; ++I)
    C->Upstreams.push_back("10.0.1." + std::to_string(I + 1));
  return C;
}

static void reloader(int Generations) {
  for (int G = 1; G <= Generations; ++G) {
    std::shared_ptr<const ProxyConfig> Next = loadConfig(G);
    CurrentConfig = Next; // expect-race: CurrentConfig
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

static std::string pickUpstream(const ProxyConfig &C, int RequestId) {
  if (C.Upstreams.empty())
    return "127.0.0.1";
  return C.Upstreams[RequestId % C.Upstreams.size()];
}

static void proxyWorker(int WorkerId, int Requests, long &Routed) {
  for (int R = 0; R < Requests; ++R) {
    std::shared_ptr<const ProxyConfig> Cfg = CurrentConfig; // expect-race: CurrentConfig
    std::string Target = pickUpstream(*Cfg, R + WorkerId);
    if (Cfg->LogLevel == "debug" && R % 500 == 0)
      std::printf("[w%d gen %d] -> %s\n", WorkerId, Cfg->Generation, Target.c_str());
    Routed += Target.size();
  }
}

int main() {
  std::vector<long> Routed(3, 0);
  std::thread Reload(reloader, 20);
  std::vector<std::thread> Workers;
  for (int W = 0; W < 3; ++W)
    Workers.emplace_back(proxyWorker, W, 20000, std::ref(Routed[W]));
  for (auto &T : Workers)
    T.join();
  Reload.join();
  std::printf("routed %ld bytes of host names\n", Routed[0] + Routed[1] + Routed[2]);
  return 0;
}
