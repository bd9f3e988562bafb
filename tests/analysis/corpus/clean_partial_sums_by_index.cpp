// Parallel sum with one partial result per thread, indexed by the thread's
// own number. The partials are combined by main after every join().
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <thread>
#include <vector>

struct SumJob {
  const std::vector<double> *Samples;
  size_t Begin, End;
};

void sumSlice(SumJob Job, std::vector<double> &Partials, unsigned Index) {
  double Local = 0;
  for (size_t I = Job.Begin; I < Job.End; ++I)
    Local += (*Job.Samples)[I];
  Partials[Index] = Local;
}

double parallelSum(const std::vector<double> &Samples, unsigned Threads) {
  std::vector<double> Partials(Threads, 0.0);
  std::vector<std::thread> Pool;
  size_t Chunk = (Samples.size() + Threads - 1) / Threads;
  for (unsigned T = 0; T < Threads; ++T) {
    size_t Begin = std::min(Samples.size(), T * Chunk);
    size_t End = std::min(Samples.size(), Begin + Chunk);
    Pool.emplace_back(sumSlice, SumJob{&Samples, Begin, End}, std::ref(Partials), T);
  }
  for (auto &Th : Pool)
    Th.join();
  return std::accumulate(Partials.begin(), Partials.end(), 0.0);
}

int main() {
  std::vector<double> Samples(1 << 20);
  for (size_t I = 0; I < Samples.size(); ++I)
    Samples[I] = static_cast<double>(I % 97) * 0.5;
  unsigned Threads = std::max(2u, std::thread::hardware_concurrency());
  double Par = parallelSum(Samples, Threads);
  double Seq = std::accumulate(Samples.begin(), Samples.end(), 0.0);
  std::printf("parallel %.1f sequential %.1f\n", Par, Seq);
  return Par == Seq ? 0 : 1;
}
