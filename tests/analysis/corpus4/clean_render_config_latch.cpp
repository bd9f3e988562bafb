// Tile renderer: main fills in the complete render configuration and only
// then counts the latch down; workers wait on the latch before reading it.
// Correct: every configuration write precedes count_down, which the workers'
// wait synchronises with; each worker writes only its own checksum slot.
#include <cstdio>
#include <latch>
#include <string>
#include <thread>
#include <vector>

struct RenderConfig {
  int Width = 0, Height = 0;
  double Gamma = 1.0;
  std::string Palette;
};

class Renderer {
public:
  explicit Renderer(int Workers) : Checksums(Workers, 0.0) {
    for (int W = 0; W < Workers; ++W)
      Threads.emplace_back(&Renderer::work, this, W, Workers);
  }

  void start(int Width, int Height, double Gamma, const std::string &Palette) {
    Config.Width = Width;
    Config.Height = Height;
    Config.Gamma = Gamma;
    Config.Palette = Palette;
    Go.count_down();
  }

  double finish() {
    for (auto &T : Threads)
      T.join();
    double Sum = 0;
    for (double C : Checksums)
      Sum += C;
    return Sum;
  }

private:
  void work(int Worker, int Workers) {
    Go.wait();
    double Sum = 0;
    for (int Y = Worker; Y < Config.Height; Y += Workers)
      for (int X = 0; X < Config.Width; ++X)
        Sum += ((X * Y) % 256) * Config.Gamma + Config.Palette.size();
    Checksums[Worker] = Sum;
  }

  RenderConfig Config;
  std::latch Go{1};
  std::vector<double> Checksums;
  std::vector<std::thread> Threads;
};

int main() {
  Renderer R(3);
  R.start(256, 144, 2.2, "viridis");
  std::printf("checksum %.1f\n", R.finish());
  return 0;
}
