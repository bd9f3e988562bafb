// From racy_montecarlo_shared_rng.cpp (FN on Rng, lines 15-16).
// Every task draws from the one global engine through a std:: distribution,
// Unit(Rng), which takes the engine by non-const reference and advances it.
// Calling the engine itself, Rng(), is reported
// (controls/ok_engine_called_directly.cpp); passing it to the distribution
// is not: the library call is neither walked nor counted as a write.
#include <future>
#include <random>
#include <vector>

std::mt19937 Rng(12345);

long countHits(long Samples) {
  std::uniform_real_distribution<double> Unit(0.0, 1.0);
  long Hits = 0;
  for (long I = 0; I < Samples; ++I)
    if (Unit(Rng) < 0.5) // expect-race: Rng
      ++Hits;
  return Hits;
}

int main() {
  std::vector<std::future<long>> Parts;
  for (int T = 0; T < 4; ++T)
    Parts.push_back(std::async(std::launch::async, countHits, 1000L));
  long Hits = 0;
  for (auto &F : Parts)
    Hits += F.get();
  return Hits > 0 ? 0 : 1;
}
