// Monte Carlo pi with one result struct per thread passed via std::ref. Each
// thread updates only its own struct; main aggregates after join().
#include <cstdio>
#include <functional>
#include <random>
#include <thread>
#include <vector>

struct Tally {
  long Samples = 0;
  long Inside = 0;
};

void simulate(unsigned Seed, long Count, Tally &Out) {
  std::mt19937 Rng(Seed);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  for (long I = 0; I < Count; ++I) {
    double X = U(Rng), Y = U(Rng);
    if (X * X + Y * Y <= 1.0)
      ++Out.Inside;
    ++Out.Samples;
  }
}

int main() {
  const unsigned Threads = 4;
  std::vector<Tally> Tallies(Threads);
  std::vector<std::thread> Workers;
  for (unsigned T = 0; T < Threads; ++T)
    Workers.emplace_back(simulate, 1234 + T, 200000L, std::ref(Tallies[T]));
  for (auto &W : Workers)
    W.join();
  long Samples = 0, Inside = 0;
  for (const Tally &T : Tallies) {
    Samples += T.Samples;
    Inside += T.Inside;
  }
  std::printf("pi ~ %.5f\n", 4.0 * Inside / Samples);
}
