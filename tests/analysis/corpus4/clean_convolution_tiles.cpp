// Sharpens an image split into horizontal tiles, one thread per tile.
// Correct: a tile reads its halo rows from the read-only input image but
// writes only its own rows [Begin, End) of the output; the tiles do not
// overlap and main reads the output after joining.
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int W = 72;
constexpr int H = 60;
constexpr int Tiles = 3;

struct Image {
  int Width, Height;
  std::vector<int> Px;
  Image(int Wd, int Ht) : Width(Wd), Height(Ht), Px(Wd * Ht, 0) {}
  int idx(int X, int Y) const { return Y * Width + X; }
  int get(int X, int Y) const {
    return Px[idx(std::clamp(X, 0, Width - 1), std::clamp(Y, 0, Height - 1))];
  }
};

void sharpenTile(const Image &In, Image &Out, int Begin, int End) {
  static const int Kernel[3][3] = {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}};
  for (int Y = Begin; Y < End; ++Y)
    for (int X = 0; X < In.Width; ++X) {
      int Acc = 0;
      for (int KY = -1; KY <= 1; ++KY)
        for (int KX = -1; KX <= 1; ++KX)
          Acc += Kernel[KY + 1][KX + 1] * In.get(X + KX, Y + KY);
      Out.Px[Out.idx(X, Y)] = std::clamp(Acc, 0, 255);
    }
}

int main() {
  Image In(W, H), Out(W, H);
  for (int Y = 0; Y < H; ++Y)
    for (int X = 0; X < W; ++X)
      In.Px[In.idx(X, Y)] = (X * X + Y * 3) % 256;

  std::vector<std::thread> Workers;
  const int Rows = H / Tiles;
  for (int T = 0; T < Tiles; ++T) {
    int Begin = T * Rows;
    int End = (T == Tiles - 1) ? H : Begin + Rows;
    Workers.emplace_back(sharpenTile, std::cref(In), std::ref(Out), Begin, End);
  }
  for (auto &T : Workers)
    T.join();

  long Sum = 0;
  for (int V : Out.Px)
    Sum += V;
  std::printf("sum %ld\n", Sum);
  return 0;
}
