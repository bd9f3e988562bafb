// One k-means step: threads assign their chunk of points to the nearest
// centroid. Correct: each thread accumulates into thread_local sums and
// merges them into the shared accumulator once, under a mutex, at the end of
// its chunk; the centroids are only read while the threads run.
#include <array>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

constexpr int K = 3;

struct Acc {
  double X = 0, Y = 0;
  long N = 0;
};

struct Point {
  double X, Y;
};

std::vector<Point> Points;
std::array<Point, K> Centroids = {{{1, 1}, {6, 2}, {3, 7}}};
std::array<Acc, K> Global;
std::mutex GlobalMutex;
thread_local std::array<Acc, K> Local;

int nearest(const Point &P) {
  int Best = 0;
  double BestD = 1e300;
  for (int C = 0; C < K; ++C) {
    double DX = P.X - Centroids[C].X, DY = P.Y - Centroids[C].Y;
    if (DX * DX + DY * DY < BestD) {
      BestD = DX * DX + DY * DY;
      Best = C;
    }
  }
  return Best;
}

void assign(size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I) {
    Acc &A = Local[nearest(Points[I])];
    A.X += Points[I].X;
    A.Y += Points[I].Y;
    A.N++;
  }
  std::lock_guard<std::mutex> Lock(GlobalMutex);
  for (int C = 0; C < K; ++C) {
    Global[C].X += Local[C].X;
    Global[C].Y += Local[C].Y;
    Global[C].N += Local[C].N;
  }
}

int main() {
  for (int I = 0; I < 900; ++I)
    Points.push_back({(I * 29 % 80) / 10.0, (I * 47 % 90) / 10.0});
  std::vector<std::thread> Threads;
  const size_t Chunk = Points.size() / 3;
  for (size_t T = 0; T < 3; ++T)
    Threads.emplace_back(assign, T * Chunk, (T + 1) * Chunk);
  for (auto &T : Threads)
    T.join();
  for (int C = 0; C < K; ++C)
    if (Global[C].N)
      std::printf("cluster %d: %ld points, centre (%.2f, %.2f)\n", C, Global[C].N,
                  Global[C].X / Global[C].N, Global[C].Y / Global[C].N);
  return 0;
}
