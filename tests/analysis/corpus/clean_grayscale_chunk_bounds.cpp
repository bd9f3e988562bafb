// Converts an RGB image to grayscale in parallel. Each worker owns the rows
// [FirstRow, LastRow) of the output and reads the shared, unmodified input.
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

struct RgbImage {
  int Width, Height;
  std::vector<std::uint8_t> Data; // 3 bytes per pixel
};

void toGray(const RgbImage &In, std::vector<std::uint8_t> &Out, int FirstRow,
            int LastRow) {
  for (int Y = FirstRow; Y < LastRow; ++Y) {
    for (int X = 0; X < In.Width; ++X) {
      size_t P = size_t(Y) * In.Width + X;
      unsigned R = In.Data[3 * P], G = In.Data[3 * P + 1], B = In.Data[3 * P + 2];
      Out[P] = static_cast<std::uint8_t>((77 * R + 150 * G + 29 * B) >> 8);
    }
  }
}

int main() {
  RgbImage Img{320, 240, {}};
  Img.Data.resize(size_t(Img.Width) * Img.Height * 3);
  for (size_t I = 0; I < Img.Data.size(); ++I)
    Img.Data[I] = static_cast<std::uint8_t>(I * 7);

  std::vector<std::uint8_t> Gray(size_t(Img.Width) * Img.Height);
  const int Workers = 4;
  std::vector<std::thread> Threads;
  for (int W = 0; W < Workers; ++W) {
    int First = W * Img.Height / Workers;
    int Last = (W + 1) * Img.Height / Workers;
    Threads.emplace_back(toGray, std::cref(Img), std::ref(Gray), First, Last);
  }
  for (auto &T : Threads)
    T.join();

  unsigned long Sum = 0;
  for (auto G : Gray)
    Sum += G;
  std::printf("mean gray level %.2f\n", double(Sum) / Gray.size());
}
