// Conway's Game of Life on a torus, double-buffered. Every thread computes
// its band of rows of the next generation from the current one; a
// std::barrier ends each generation and its completion step swaps the
// buffers while all threads wait.
#include <barrier>
#include <cstdio>
#include <thread>
#include <utility>
#include <vector>

class Life {
public:
  Life(int W, int H) : W(W), H(H), Cur(size_t(W) * H), Next(size_t(W) * H) {
    for (int Y = 0; Y < H; ++Y)
      for (int X = 0; X < W; ++X)
        Cur[idx(X, Y)] = ((X * 7 + Y * 13) % 5) == 0;
  }

  void stepBand(int Y0, int Y1) {
    for (int Y = Y0; Y < Y1; ++Y)
      for (int X = 0; X < W; ++X) {
        int N = neighbours(X, Y);
        Next[idx(X, Y)] = Cur[idx(X, Y)] ? (N == 2 || N == 3) : (N == 3);
      }
  }

  void swapBuffers() {
    std::swap(Cur, Next);
    ++Generation;
  }

  int population() const {
    int P = 0;
    for (char C : Cur)
      P += C;
    return P;
  }

  int height() const { return H; }
  int generation() const { return Generation; }

private:
  size_t idx(int X, int Y) const { return size_t(((Y + H) % H) * W + (X + W) % W); }

  int neighbours(int X, int Y) const {
    int N = 0;
    for (int DY = -1; DY <= 1; ++DY)
      for (int DX = -1; DX <= 1; ++DX)
        if (DX || DY)
          N += Cur[idx(X + DX, Y + DY)];
    return N;
  }

  int W, H;
  std::vector<char> Cur, Next;
  int Generation = 0;
};

int main() {
  Life World(128, 96);
  const int Threads = 4, Generations = 50;
  std::barrier Sync(Threads, [&World]() noexcept { World.swapBuffers(); });

  std::vector<std::thread> Workers;
  int Band = World.height() / Threads;
  for (int T = 0; T < Threads; ++T) {
    int Y0 = T * Band;
    int Y1 = T == Threads - 1 ? World.height() : Y0 + Band;
    Workers.emplace_back([&World, &Sync, Y0, Y1] {
      for (int G = 0; G < Generations; ++G) {
        World.stepBand(Y0, Y1);
        Sync.arrive_and_wait();
      }
    });
  }
  for (auto &W : Workers)
    W.join();
  std::printf("generation %d: population %d\n", World.generation(), World.population());
  return 0;
}
