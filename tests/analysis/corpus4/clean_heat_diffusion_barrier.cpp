// 1-D heat diffusion, rod split between threads, steps separated by a barrier
// whose completion step swaps the buffers and logs the total heat. Correct:
// each thread writes only its own cells of Next and reads Cur (read-only in a
// step); swap and log run in the completion step while no worker runs.
#include <barrier>
#include <cstdio>
#include <thread>
#include <utility>
#include <vector>

constexpr int Cells = 240, Threads = 4, Steps = 50;

std::vector<double> Cur(Cells, 0.0), Next(Cells, 0.0);
std::vector<double> HeatLog;

void onStepDone() noexcept {
  std::swap(Cur, Next);
  double Heat = 0;
  for (double C : Cur)
    Heat += C;
  HeatLog.push_back(Heat);
}

int main() {
  for (int I = Cells / 3; I < Cells / 2; ++I)
    Cur[I] = 100.0;

  std::barrier Step(Threads, onStepDone);
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([&Step, T] {
      const int Per = Cells / Threads;
      for (int S = 0; S < Steps; ++S) {
        for (int I = T * Per; I < (T + 1) * Per; ++I) {
          double L = I > 0 ? Cur[I - 1] : Cur[I];
          double R = I < Cells - 1 ? Cur[I + 1] : Cur[I];
          Next[I] = Cur[I] + 0.25 * (L - 2 * Cur[I] + R);
        }
        Step.arrive_and_wait();
      }
    });
  for (auto &T : Pool)
    T.join();
  std::printf("after %d steps: heat %.2f, centre %.3f\n", Steps, HeatLog.back(),
              Cur[Cells / 2]);
  return 0;
}
