// A two-stage pipeline: workers each compute their own slot of stage one,
// count down a std::latch and keep running stage two on private data. Main
// waits on the latch and then reads all stage-one slots while the workers
// are still alive; the latch orders the writes before the reads.
#include <cmath>
#include <cstdio>
#include <latch>
#include <thread>
#include <vector>

struct StageOne {
  double Mean = 0;
  double Max = 0;
};

StageOne summarise(int Seed) {
  StageOne S;
  for (int I = 1; I <= 1000; ++I) {
    double V = std::fabs(std::sin(Seed * 1000 + I));
    S.Mean += V / 1000;
    S.Max = V > S.Max ? V : S.Max;
  }
  return S;
}

int main() {
  const int Workers = 4;
  std::vector<StageOne> Summaries(Workers);
  std::latch StageOneDone(Workers);
  std::vector<std::thread> Threads;
  for (int W = 0; W < Workers; ++W) {
    Threads.emplace_back([&Summaries, &StageOneDone, W] {
      Summaries[W] = summarise(W);
      StageOneDone.count_down();
      double Private = 0;
      for (int I = 0; I < 100000; ++I)
        Private += std::sqrt(I + W);
      std::printf("worker %d stage two: %.1f\n", W, Private);
    });
  }
  StageOneDone.wait();
  double Best = 0;
  for (const StageOne &S : Summaries)
    Best = S.Max > Best ? S.Max : Best;
  std::printf("best stage-one max %.4f\n", Best);
  for (auto &T : Threads)
    T.join();
}
