// Estimates pi by Monte Carlo. Each worker thread runs a packaged_task with
// its own random engine seeded from its index. Correct: the engines are
// per task, nothing else is shared, and the hit counts come back through the
// futures (get() orders the task's work before the read).
#include <cstdio>
#include <future>
#include <random>
#include <thread>
#include <vector>

long sampleHits(unsigned Seed, long Samples) {
  std::mt19937_64 Engine(Seed);
  std::uniform_real_distribution<double> Unit(0.0, 1.0);
  long Hits = 0;
  for (long I = 0; I < Samples; ++I) {
    double X = Unit(Engine), Y = Unit(Engine);
    Hits += (X * X + Y * Y <= 1.0);
  }
  return Hits;
}

int main() {
  constexpr int Workers = 4;
  constexpr long PerWorker = 25000;
  std::vector<std::future<long>> Results;
  std::vector<std::thread> Threads;
  for (int W = 0; W < Workers; ++W) {
    std::packaged_task<long(unsigned, long)> Task(sampleHits);
    Results.push_back(Task.get_future());
    Threads.emplace_back(std::move(Task), 1000u + W, PerWorker);
  }
  long Hits = 0;
  for (auto &R : Results)
    Hits += R.get();
  for (auto &T : Threads)
    T.join();
  std::printf("pi ~ %.4f from %ld samples\n", 4.0 * Hits / (Workers * PerWorker),
              Workers * PerWorker);
  return 0;
}
