// One k-means step over 2-D points: threads assign their chunk of points to
// the nearest centroid and accumulate coordinates per cluster.
// Races: the accumulator Sums is shared, and the cluster index comes from the
// data, so threads add into the same Sums entries without a lock.
#include <array>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

struct Point {
  double X, Y;
};

constexpr int K = 3;
constexpr int Workers = 4;

std::vector<Point> Points;
std::array<Point, K> Centroids = {{{0, 0}, {5, 5}, {10, 0}}};
std::vector<std::array<double, 3>> Sums(K, {0, 0, 0}); // x, y, count

int nearest(const Point &P) {
  int Best = 0;
  double BestD = 1e300;
  for (int C = 0; C < K; ++C) {
    double D = std::hypot(P.X - Centroids[C].X, P.Y - Centroids[C].Y);
    if (D < BestD) {
      BestD = D;
      Best = C;
    }
  }
  return Best;
}

void assignChunk(size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I) {
    int C = nearest(Points[I]);
    Sums[C][0] += Points[I].X; // expect-race: Sums
    Sums[C][1] += Points[I].Y; // expect-race: Sums
    Sums[C][2] += 1;           // expect-race: Sums
  }
}

int main() {
  for (int I = 0; I < 600; ++I)
    Points.push_back({(I * 37 % 110) / 10.0, (I * 53 % 70) / 10.0});

  std::vector<std::thread> Threads;
  size_t Chunk = Points.size() / Workers;
  for (int W = 0; W < Workers; ++W)
    Threads.emplace_back(assignChunk, W * Chunk, (W + 1) * Chunk);
  for (auto &T : Threads)
    T.join();

  for (int C = 0; C < K; ++C) {
    double N = Sums[C][2];
    if (N > 0)
      Centroids[C] = {Sums[C][0] / N, Sums[C][1] / N};
    std::printf("centroid %d: (%.2f, %.2f) from %.0f points\n", C, Centroids[C].X,
                Centroids[C].Y, N);
  }
  return 0;
}
