// Benchmark harness: each worker times a batch of operations and records
// the latency through a helper. The race is inside recordLatency(), two
// calls away from the thread entry point.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

struct LatencyStats {
  long long TotalNanos = 0;
  long long MaxNanos = 0;
  long Samples = 0;
};

LatencyStats Stats;

void recordLatency(long long Nanos) {
  Stats.TotalNanos += Nanos; // expect-race: TotalNanos
  Stats.MaxNanos = std::max(Stats.MaxNanos, Nanos); // expect-race: MaxNanos
  ++Stats.Samples; // expect-race: Samples
}

unsigned doOperation(int Size) {
  unsigned H = 2166136261u;
  for (int I = 0; I < Size; ++I)
    H = (H ^ I) * 16777619u;
  return H;
}

void timedBatch(int Ops, int Size) {
  unsigned Checksum = 0;
  for (int I = 0; I < Ops; ++I) {
    auto Start = std::chrono::steady_clock::now();
    Checksum ^= doOperation(Size);
    auto End = std::chrono::steady_clock::now();
    recordLatency(
        std::chrono::duration_cast<std::chrono::nanoseconds>(End - Start).count());
  }
  std::printf("batch of size %d: checksum %08x\n", Size, Checksum);
}

int main() {
  std::vector<std::thread> Clients;
  for (int C = 0; C < 3; ++C)
    Clients.emplace_back(timedBatch, 1000, 64 << C);
  for (auto &T : Clients)
    T.join();
  std::printf("mean %lld ns, max %lld ns over %ld samples\n",
              Stats.TotalNanos / std::max(1L, Stats.Samples), Stats.MaxNanos,
              Stats.Samples);
}
