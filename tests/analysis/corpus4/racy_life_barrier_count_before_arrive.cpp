// Game of Life on a torus, rows split between threads, generations separated
// by a std::barrier whose completion step swaps the grids. Races: thread 0
// counts the live cells of Next before it arrives at the barrier, while the
// other threads are still writing their rows of Next.
#include <barrier>
#include <cstdio>
#include <thread>
#include <utility>
#include <vector>

constexpr int W = 48, H = 48, Threads = 4, Generations = 20;

std::vector<unsigned char> Cur(W *H), Next(W *H);
std::vector<int> AliveHistory;

int liveNeighbours(int X, int Y) {
  int N = 0;
  for (int DY = -1; DY <= 1; ++DY)
    for (int DX = -1; DX <= 1; ++DX)
      if (DX || DY)
        N += Cur[((Y + DY + H) % H) * W + (X + DX + W) % W];
  return N;
}

int countAlive(const std::vector<unsigned char> &G) {
  int N = 0;
  for (unsigned char C : G) // expect-race: Next
    N += C;
  return N;
}

int main() {
  for (int I = 0; I < W * H; ++I)
    Cur[I] = (I * 7 % 5 == 0) || (I % 11 == 3);

  std::barrier Sync(Threads, []() noexcept { std::swap(Cur, Next); });
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([&Sync, T] {
      const int Rows = H / Threads;
      for (int G = 0; G < Generations; ++G) {
        for (int Y = T * Rows; Y < (T + 1) * Rows; ++Y)
          for (int X = 0; X < W; ++X) {
            int N = liveNeighbours(X, Y);
            bool Alive = Cur[Y * W + X];
            Next[Y * W + X] = (N == 3) || (Alive && N == 2); // expect-race: Next
          }
        if (T == 0)
          AliveHistory.push_back(countAlive(Next)); // statistics, "while we wait"
        Sync.arrive_and_wait();
      }
    });
  for (auto &Th : Pool)
    Th.join();
  std::printf("alive after %d generations: %d (history %zu)\n", Generations,
              countAlive(Cur), AliveHistory.size());
  return 0;
}
