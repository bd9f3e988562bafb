// Brightness and contrast adjustment of an RGB image. The rows are split
// into bands; each jthread reads the source image and writes its own band
// of the destination. The jthreads join when the vector goes out of scope.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

struct Rgb {
  uint8_t R, G, B;
};

class RgbImage {
public:
  RgbImage(int W, int H) : W(W), H(H), Px(size_t(W) * H) {}
  int width() const { return W; }
  int height() const { return H; }
  Rgb &at(int X, int Y) { return Px[size_t(Y) * W + X]; }
  const Rgb &at(int X, int Y) const { return Px[size_t(Y) * W + X]; }

private:
  int W, H;
  std::vector<Rgb> Px;
};

static uint8_t adjust(uint8_t V, double Gain, int Bias) {
  int Out = int(V * Gain) + Bias;
  return uint8_t(std::clamp(Out, 0, 255));
}

static void adjustBand(const RgbImage &Src, RgbImage &Dst, int Y0, int Y1,
                       double Gain, int Bias) {
  for (int Y = Y0; Y < Y1; ++Y)
    for (int X = 0; X < Src.width(); ++X) {
      const Rgb &In = Src.at(X, Y);
      Dst.at(X, Y) = Rgb{adjust(In.R, Gain, Bias), adjust(In.G, Gain, Bias),
                         adjust(In.B, Gain, Bias)};
    }
}

int main() {
  RgbImage Src(800, 600), Dst(800, 600);
  for (int Y = 0; Y < Src.height(); ++Y)
    for (int X = 0; X < Src.width(); ++X)
      Src.at(X, Y) = Rgb{uint8_t(X), uint8_t(Y), uint8_t(X ^ Y)};

  const int Bands = 4;
  {
    std::vector<std::jthread> Workers;
    int Rows = Src.height() / Bands;
    for (int B = 0; B < Bands; ++B) {
      int Y0 = B * Rows;
      int Y1 = B == Bands - 1 ? Src.height() : Y0 + Rows;
      Workers.emplace_back(adjustBand, std::cref(Src), std::ref(Dst), Y0, Y1, 1.2, -10);
    }
  }

  unsigned long Sum = 0;
  for (int Y = 0; Y < Dst.height(); ++Y)
    for (int X = 0; X < Dst.width(); ++X)
      Sum += Dst.at(X, Y).R + Dst.at(X, Y).G + Dst.at(X, Y).B;
  std::printf("mean channel value %.2f\n", double(Sum) / (3.0 * 800 * 600));
  return 0;
}
