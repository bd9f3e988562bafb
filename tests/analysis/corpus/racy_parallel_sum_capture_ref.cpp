// Parallel sum of a large vector: the vector is split into slices, one per
// hardware thread, but every lambda adds straight into the same local
// through its [&] capture instead of into a per-thread partial.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <thread>
#include <vector>

std::vector<double> makeSamples(size_t N) {
  std::vector<double> V(N);
  for (size_t I = 0; I < N; ++I)
    V[I] = static_cast<double>(I % 97) * 0.5;
  return V;
}

double parallelSum(const std::vector<double> &Samples, unsigned Threads) {
  double Total = 0;
  std::vector<std::thread> Pool;
  size_t Chunk = (Samples.size() + Threads - 1) / Threads;
  for (unsigned T = 0; T < Threads; ++T) {
    size_t Begin = T * Chunk;
    size_t End = std::min(Samples.size(), Begin + Chunk);
    Pool.emplace_back([&, Begin, End] {
      for (size_t I = Begin; I < End; ++I)
        Total += Samples[I]; // expect-race: Total shared accumulator
    });
  }
  for (auto &Th : Pool)
    Th.join();
  return Total;
}

int main() {
  std::vector<double> Samples = makeSamples(1 << 20);
  unsigned Threads = std::max(2u, std::thread::hardware_concurrency());
  double Par = parallelSum(Samples, Threads);
  double Seq = std::accumulate(Samples.begin(), Samples.end(), 0.0);
  std::printf("parallel %.1f sequential %.1f\n", Par, Seq);
  return Par == Seq ? 0 : 1;
}
