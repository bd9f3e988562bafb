// Estimates pi by Monte Carlo with std::async tasks, each returning its hit
// count through a future. Races: all tasks draw from the one global engine
// Rng (meant to be per task), so the engine state is updated concurrently.
#include <cstdio>
#include <future>
#include <random>
#include <vector>

std::mt19937 Rng(12345);

long countHits(long Samples) {
  std::uniform_real_distribution<double> Unit(0.0, 1.0);
  long Hits = 0;
  for (long I = 0; I < Samples; ++I) {
    double X = Unit(Rng); // expect-race: Rng
    double Y = Unit(Rng); // expect-race: Rng
    if (X * X + Y * Y <= 1.0)
      ++Hits;
  }
  return Hits;
}

struct Estimate {
  long Hits = 0;
  long Samples = 0;
  double value() const { return Samples ? 4.0 * Hits / Samples : 0.0; }
  double error() const {
    const double Pi = 3.14159265358979;
    return value() > Pi ? value() - Pi : Pi - value();
  }
};

Estimate runTasks(int Tasks, long PerTask) {
  std::vector<std::future<long>> Parts;
  for (int T = 0; T < Tasks; ++T)
    Parts.push_back(std::async(std::launch::async, countHits, PerTask));
  Estimate E;
  for (auto &F : Parts) {
    E.Hits += F.get();
    E.Samples += PerTask;
  }
  return E;
}

int main() {
  Estimate E = runTasks(4, 20000);
  std::printf("pi ~ %.4f (error %.4f, %ld samples)\n", E.value(), E.error(),
              E.Samples);
  return 0;
}
