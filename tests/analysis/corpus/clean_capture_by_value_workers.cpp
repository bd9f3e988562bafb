// Simulated annealing restarts: each thread gets copies of the parameters
// (captured by value) and its own mutable local state; only the best result
// is reported, through a mutex.
#include <cmath>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

struct Params {
  double StartTemp;
  double Cooling;
  int Steps;
};

double cost(double X) { return std::sin(5 * X) + 0.1 * X * X; }

int main() {
  Params P{10.0, 0.995, 20000};
  double BestX = 0, BestCost = 1e9;
  std::mutex BestMutex;

  std::vector<std::thread> Restarts;
  for (unsigned Seed = 1; Seed <= 4; ++Seed) {
    Restarts.emplace_back([P, Seed, &BestX, &BestCost, &BestMutex]() mutable {
      std::mt19937 Rng(Seed);
      std::normal_distribution<double> Step(0.0, 0.5);
      std::uniform_real_distribution<double> U(0.0, 1.0);
      double X = Seed * 2.0 - 5.0, C = cost(X);
      for (int I = 0; I < P.Steps; ++I, P.StartTemp *= P.Cooling) {
        double NX = X + Step(Rng), NC = cost(NX);
        if (NC < C || U(Rng) < std::exp((C - NC) / P.StartTemp)) {
          X = NX;
          C = NC;
        }
      }
      std::lock_guard<std::mutex> Lock(BestMutex);
      if (C < BestCost) {
        BestCost = C;
        BestX = X;
      }
    });
  }
  P.Steps = 0; // main's own copy; the threads have theirs
  for (auto &T : Restarts)
    T.join();
  std::printf("best x = %.4f cost = %.4f\n", BestX, BestCost);
}
