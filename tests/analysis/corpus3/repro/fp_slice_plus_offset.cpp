// From clean_sorting_network.cpp (FP on Board, write line 19 vs read line 18).
// Correct: worker W only touches elements [16W, 16W+15]: pairs (2K, 2K+1) for
// K in its own chunk. racecheck accepts Board[2*K] as the thread's slice but
// not Board[I + 1]; same for Board[W + 1] or Board[2*W + 1] on their own.
#include <thread>
#include <utility>
#include <vector>

int main() {
  std::vector<int> Board(64, 1);
  std::vector<std::thread> Workers;
  for (int W = 0; W < 4; ++W)
    Workers.emplace_back([&Board, W] {
      for (int K = W * 8; K < W * 8 + 8; ++K) {
        int I = 2 * K;
        if (Board[I + 1] > Board[I])
          std::swap(Board[I], Board[I + 1]);
      }
    });
  for (std::thread &T : Workers)
    T.join();
}
