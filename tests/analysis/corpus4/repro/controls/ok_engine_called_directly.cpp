// Control for fn_engine_passed_to_distribution.cpp: the same tasks draw with
// Rng() (a non-const member call on the global engine): reported. Only the
// std:: call taking the engine by reference, Unit(Rng), hides the write.
#include <future>
#include <random>
#include <vector>

std::mt19937 Rng(12345);

long countHits(long Samples) {
  long Hits = 0;
  for (long I = 0; I < Samples; ++I)
    if (Rng() % 2 == 0) // expect-race: Rng
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
