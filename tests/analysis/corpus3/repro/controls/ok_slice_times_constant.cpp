// Control for fp_slice_plus_offset.cpp: Board[2 * K] alone is accepted as a slice (silent).
#include <thread>
#include <vector>
int main() {
  std::vector<int> Board(256, 1);
  std::vector<std::thread> Workers;
  for (int W = 0; W < 4; ++W)
    Workers.emplace_back([&Board, W] {
      for (int K = W * 8; K < W * 8 + 8; ++K) Board[2 * K] += 1;
    });
  for (auto &T : Workers) T.join();
}
