// Renders the Mandelbrot set with rows interleaved between threads (thread t
// renders rows t, t+T, ...). The image rows are disjoint, but
// Races: every thread tracks the deepest iteration count in the shared
// MaxIterSeen with an unlocked compare-and-store.
#include <complex>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int Width = 120;
constexpr int Height = 80;
constexpr int Limit = 200;
constexpr int Threads = 4;

std::vector<unsigned short> Image(Width *Height);
int MaxIterSeen = 0;

int escapeTime(std::complex<double> C) {
  std::complex<double> Z = 0;
  int It = 0;
  while (It < Limit && std::norm(Z) <= 4.0) {
    Z = Z * Z + C;
    ++It;
  }
  return It;
}

void renderRows(int First) {
  for (int Y = First; Y < Height; Y += Threads)
    for (int X = 0; X < Width; ++X) {
      std::complex<double> C(-2.0 + 3.0 * X / Width, -1.2 + 2.4 * Y / Height);
      int It = escapeTime(C);
      Image[Y * Width + X] = static_cast<unsigned short>(It);
      if (It < Limit && It > MaxIterSeen) // expect-race: MaxIterSeen
        MaxIterSeen = It;                 // expect-race: MaxIterSeen
    }
}

int main() {
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back(renderRows, T);
  for (auto &T : Pool)
    T.join();

  long Inside = 0;
  for (unsigned short V : Image)
    Inside += (V == Limit);
  std::printf("inside %ld, deepest escape %d\n", Inside, MaxIterSeen);
  return 0;
}
