// Vertical box blur of a grey image, computed in place by four threads,
// each owning a band of rows. The kernel reads the row above and below,
// which at the band edges belong to the neighbouring thread.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

struct Image {
  int Width = 0;
  int Height = 0;
  std::vector<uint8_t> Pixels;
  Image(int W, int H) : Width(W), Height(H), Pixels(size_t(W) * H) {}
};

static void fillGradient(Image &Img) {
  for (int Y = 0; Y < Img.Height; ++Y)
    for (int X = 0; X < Img.Width; ++X)
      Img.Pixels[size_t(Y) * Img.Width + X] = uint8_t((X * 3 + Y * 5) & 0xff);
}

// Smooths rows [RowBegin, RowEnd) in place using the rows above and below.
static void blurRows(Image &Img, int RowBegin, int RowEnd) {
  const int W = Img.Width;
  for (int Y = RowBegin; Y < RowEnd; ++Y) {
    int Up = std::max(Y - 1, 0);
    int Down = std::min(Y + 1, Img.Height - 1);
    for (int X = 0; X < W; ++X) {
      int Above = Img.Pixels[size_t(Up) * W + X]; // expect-race: Pixels
      int Here = Img.Pixels[size_t(Y) * W + X];
      int Below = Img.Pixels[size_t(Down) * W + X]; // expect-race: Pixels
      Img.Pixels[size_t(Y) * W + X] = uint8_t((Above + 2 * Here + Below) / 4); // expect-race: Pixels
    }
  }
}

static long checksum(const Image &Img) {
  long Sum = 0;
  for (uint8_t P : Img.Pixels)
    Sum += P;
  return Sum;
}

int main() {
  Image Img(640, 480);
  fillGradient(Img);
  std::printf("before: %ld\n", checksum(Img));

  const int NumThreads = 4;
  const int RowsPer = Img.Height / NumThreads;
  std::vector<std::thread> Workers;
  for (int T = 0; T < NumThreads; ++T) {
    int Begin = T * RowsPer;
    int End = (T == NumThreads - 1) ? Img.Height : Begin + RowsPer;
    Workers.emplace_back(blurRows, std::ref(Img), Begin, End);
  }
  for (auto &W : Workers)
    W.join();

  std::printf("after: %ld\n", checksum(Img));
  return 0;
}
