// Metrics registry of a small HTTP service: handler threads bump named
// counters, a scraper thread exports them every few milliseconds and resets
// them for the next interval (delta export). The reset forgot the lock.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class MetricsRegistry {
public:
  void increment(const std::string &Name, long By = 1) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Counters[Name] += By; // expect-race: Counters
  }

  std::map<std::string, long> snapshot() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Counters;
  }

  // Delta-style export: start the next interval from zero.
  void resetAfterScrape() {
    Counters.clear(); // expect-race: Counters cleared without the registry lock
  }

private:
  std::mutex Mutex;
  std::map<std::string, long> Counters;
};

struct Request {
  int Status;
  int Bytes;
};

static Request simulateRequest(unsigned &Seed) {
  Seed = Seed * 1664525u + 1013904223u;
  int Status = (Seed >> 24) % 10 == 0 ? 500 : 200;
  return {Status, static_cast<int>((Seed >> 8) % 4096)};
}

static void handlerThread(MetricsRegistry &Registry, unsigned Seed, int Requests) {
  for (int I = 0; I < Requests; ++I) {
    Request R = simulateRequest(Seed);
    Registry.increment("http_requests_total");
    Registry.increment("http_response_bytes", R.Bytes);
    if (R.Status >= 500)
      Registry.increment("http_errors_total");
  }
}

static void scraperThread(MetricsRegistry &Registry, const std::atomic<bool> &Running,
                          long &Exported) {
  while (Running.load(std::memory_order_acquire)) {
    for (const auto &[Name, Value] : Registry.snapshot())
      if (Name == "http_requests_total")
        Exported += Value;
    Registry.resetAfterScrape();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

int main() {
  MetricsRegistry Registry;
  std::atomic<bool> Running{true};
  long Exported = 0;
  std::thread Scraper(scraperThread, std::ref(Registry), std::cref(Running), std::ref(Exported));
  std::vector<std::thread> Handlers;
  for (unsigned I = 0; I < 3; ++I)
    Handlers.emplace_back(handlerThread, std::ref(Registry), I + 7, 20000);
  for (auto &H : Handlers)
    H.join();
  Running.store(false, std::memory_order_release);
  Scraper.join();
  for (const auto &[Name, Value] : Registry.snapshot())
    Exported += Name == "http_requests_total" ? Value : 0;
  std::printf("exported %ld requests (expected 60000)\n", Exported);
}
