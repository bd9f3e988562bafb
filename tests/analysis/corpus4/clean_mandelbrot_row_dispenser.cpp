// Renders the Mandelbrot set; threads grab the next unrendered row from an
// atomic dispenser. Correct: fetch_add hands every row to exactly one thread,
// each thread writes only the pixels of the rows it was handed, and main
// reads the image after the joins.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int Width = 100, Height = 60, MaxIter = 150;

struct Canvas {
  std::vector<unsigned char> Pixels = std::vector<unsigned char>(Width * Height);
  std::atomic<int> NextRow{0};
};

int iterate(double CR, double CI) {
  double ZR = 0, ZI = 0;
  int N = 0;
  while (N < MaxIter && ZR * ZR + ZI * ZI <= 4.0) {
    double T = ZR * ZR - ZI * ZI + CR;
    ZI = 2 * ZR * ZI + CI;
    ZR = T;
    ++N;
  }
  return N;
}

void worker(Canvas &C) {
  for (int Row = C.NextRow.fetch_add(1); Row < Height; Row = C.NextRow.fetch_add(1))
    for (int X = 0; X < Width; ++X) {
      int N = iterate(-2.2 + 3.2 * X / Width, -1.2 + 2.4 * Row / Height);
      C.Pixels[Row * Width + X] = static_cast<unsigned char>(N * 255 / MaxIter);
    }
}

int main() {
  Canvas C;
  std::vector<std::thread> Pool;
  for (int T = 0; T < 3; ++T)
    Pool.emplace_back(worker, std::ref(C));
  for (auto &T : Pool)
    T.join();
  long Dark = 0;
  for (unsigned char P : C.Pixels)
    Dark += (P == 255);
  std::printf("%ld points inside\n", Dark);
  return 0;
}
