// Monte Carlo estimate of pi. Each thread keeps its generator and tallies in
// thread_local storage and merges them into the global result under a mutex
// when it is done.
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

struct Tally {
  uint64_t Inside = 0;
  uint64_t Total = 0;
};

thread_local std::mt19937_64 Rng;
thread_local Tally Local;

static std::mutex ResultMutex;
static Tally Result;

static void seedThisThread(unsigned Id) { Rng.seed(0x9e3779b97f4a7c15ull * (Id + 1)); }

static void throwDarts(uint64_t N) {
  std::uniform_real_distribution<double> U(-1.0, 1.0);
  for (uint64_t I = 0; I < N; ++I) {
    double X = U(Rng), Y = U(Rng);
    if (X * X + Y * Y <= 1.0)
      ++Local.Inside;
    ++Local.Total;
  }
}

static void mergeLocal() {
  std::lock_guard<std::mutex> L(ResultMutex);
  Result.Inside += Local.Inside;
  Result.Total += Local.Total;
}

static void simulate(unsigned Id, uint64_t Darts) {
  seedThisThread(Id);
  for (int Round = 0; Round < 10; ++Round)
    throwDarts(Darts / 10);
  mergeLocal();
}

int main() {
  const unsigned NumThreads = 4;
  std::vector<std::thread> Threads;
  for (unsigned Id = 0; Id < NumThreads; ++Id)
    Threads.emplace_back(simulate, Id, 1000000);
  for (auto &T : Threads)
    T.join();
  double Pi = 4.0 * double(Result.Inside) / double(Result.Total);
  std::printf("pi ~= %.5f from %llu darts\n", Pi, (unsigned long long)Result.Total);
  return 0;
}
