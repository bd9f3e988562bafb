// Metrics registry of a storage node. Every metric is registered at start-up,
// before any worker runs; afterwards the registry's map is only read, and the
// values themselves are atomics. A latency histogram keeps one atomic per
// bucket.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

class Counter {
public:
  void inc(long By = 1) { Value.fetch_add(By, std::memory_order_relaxed); }
  long read() const { return Value.load(std::memory_order_relaxed); }

private:
  std::atomic<long> Value{0};
};

class LatencyHistogram {
public:
  static constexpr std::array<int, 5> BoundsUs{100, 500, 1000, 5000, 20000};

  void observe(int Micros) {
    size_t B = 0;
    while (B < BoundsUs.size() && Micros > BoundsUs[B])
      ++B;
    Buckets[B].fetch_add(1, std::memory_order_relaxed);
  }

  long count(size_t B) const { return Buckets[B].load(std::memory_order_relaxed); }

private:
  std::array<std::atomic<long>, BoundsUs.size() + 1> Buckets{};
};

class Registry {
public:
  Counter &counter(const std::string &Name) {
    std::unique_ptr<Counter> &Slot = Counters[Name];
    if (!Slot)
      Slot = std::make_unique<Counter>();
    return *Slot;
  }

  LatencyHistogram &latency() { return Latency; }
  const Counter &find(const std::string &Name) const { return *Counters.at(Name); }

private:
  std::map<std::string, std::unique_ptr<Counter>> Counters;
  LatencyHistogram Latency;
};

static void diskWorker(Counter &Reads, Counter &Writes, Counter &Bytes, LatencyHistogram &Latency,
                       unsigned Seed) {
  for (int Op = 0; Op < 20000; ++Op) {
    Seed = Seed * 22695477u + 1u;
    bool IsWrite = (Seed >> 16) % 4 == 0;
    (IsWrite ? Writes : Reads).inc();
    Bytes.inc(512 * (1 + (Seed >> 8) % 8));
    Latency.observe(static_cast<int>((Seed >> 4) % 25000));
  }
}

int main() {
  Registry Metrics;
  Counter &Reads = Metrics.counter("disk_reads_total");
  Counter &Writes = Metrics.counter("disk_writes_total");
  Counter &Bytes = Metrics.counter("disk_bytes_total");
  LatencyHistogram &Latency = Metrics.latency();
  std::atomic<bool> Done{false};

  std::thread Exporter([&Metrics, &Done] {
    const Registry &View = Metrics;
    while (!Done.load(std::memory_order_acquire)) {
      std::printf("reads=%ld writes=%ld\n", View.find("disk_reads_total").read(),
                  View.find("disk_writes_total").read());
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  std::vector<std::thread> Workers;
  for (unsigned I = 0; I < 3; ++I)
    Workers.emplace_back(diskWorker, std::ref(Reads), std::ref(Writes), std::ref(Bytes),
                         std::ref(Latency), I + 1);
  for (std::thread &W : Workers)
    W.join();
  Done.store(true, std::memory_order_release);
  Exporter.join();

  for (size_t B = 0; B <= LatencyHistogram::BoundsUs.size(); ++B)
    std::printf("bucket %zu: %ld\n", B, Latency.count(B));
  std::printf("%ld bytes moved\n", Bytes.read());
}
