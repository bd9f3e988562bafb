// Builds a histogram of pixel intensities with several threads. Each thread
// scans its own rows (fine), but all of them increment buckets of the one
// histogram passed in by std::ref, and two rows can hit the same bucket.
#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>
#include <vector>

using Histogram = std::array<unsigned, 256>;

struct Image {
  int Width, Height;
  std::vector<std::uint8_t> Pixels;
};

Image randomImage(int W, int H) {
  Image Img{W, H, std::vector<std::uint8_t>(size_t(W) * H)};
  std::mt19937 Rng(42);
  for (auto &P : Img.Pixels)
    P = static_cast<std::uint8_t>(Rng() & 0xff);
  return Img;
}

void countRows(const Image &Img, int FirstRow, int LastRow, Histogram &Hist) {
  for (int Y = FirstRow; Y < LastRow; ++Y)
    for (int X = 0; X < Img.Width; ++X)
      ++Hist[Img.Pixels[size_t(Y) * Img.Width + X]]; // expect-race: Hist
}

int main() {
  Image Img = randomImage(640, 480);
  Histogram Hist{};
  const int Threads = 4;
  int RowsEach = Img.Height / Threads;

  std::vector<std::thread> Workers;
  for (int T = 0; T < Threads; ++T)
    Workers.emplace_back(countRows, std::cref(Img), T * RowsEach,
                         (T + 1) * RowsEach, std::ref(Hist));
  for (auto &W : Workers)
    W.join();

  unsigned long Total = 0;
  for (unsigned C : Hist)
    Total += C;
  std::printf("%lu pixels counted\n", Total);
}
