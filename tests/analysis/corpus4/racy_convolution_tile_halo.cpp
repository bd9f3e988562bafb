// Box-blurs a grayscale image split into horizontal tiles, one thread per
// tile. Races: each tile also writes its halo rows (one above and one below),
// which belong to the neighbouring tiles, so border rows of Out are written
// by two threads.
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int W = 64;
constexpr int H = 64;
constexpr int Tiles = 4;

struct Image {
  std::vector<float> Px = std::vector<float>(W * H, 0.0f);
  float get(int X, int Y) const {
    X = std::clamp(X, 0, W - 1);
    Y = std::clamp(Y, 0, H - 1);
    return Px[Y * W + X];
  }
};

Image In;
std::vector<float> Out(W * H, 0.0f);

void blurTile(int RowBegin, int RowEnd) {
  // The halo rows are needed as input, but the loop bounds were widened for
  // the output as well.
  int From = std::max(0, RowBegin - 1);
  int To = std::min(H, RowEnd + 1);
  for (int Y = From; Y < To; ++Y)
    for (int X = 0; X < W; ++X) {
      float Sum = 0;
      for (int DY = -1; DY <= 1; ++DY)
        for (int DX = -1; DX <= 1; ++DX)
          Sum += In.get(X + DX, Y + DY);
      Out[Y * W + X] = Sum / 9.0f; // expect-race: Out
    }
}

int main() {
  for (int Y = 0; Y < H; ++Y)
    for (int X = 0; X < W; ++X)
      In.Px[Y * W + X] = static_cast<float>((X * 7 + Y * 3) % 255);

  std::vector<std::thread> Threads;
  const int Rows = H / Tiles;
  for (int T = 0; T < Tiles; ++T)
    Threads.emplace_back(blurTile, T * Rows, (T + 1) * Rows);
  for (auto &T : Threads)
    T.join();

  double Mean = 0;
  for (float V : Out)
    Mean += V;
  std::printf("mean %.3f\n", Mean / (W * H));
  return 0;
}
