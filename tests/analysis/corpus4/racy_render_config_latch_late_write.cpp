// Tile renderer: main fills in the render configuration, releases the workers
// through a std::latch, and each worker renders its tiles.
// Races: main sets Config.Scale after counting the latch down (write after
// hand-off), while the workers already read it.
#include <cstdio>
#include <latch>
#include <thread>
#include <vector>

struct RenderConfig {
  int Width = 0;
  int Height = 0;
  double Scale = 1.0;
};

RenderConfig Config;
std::latch Ready(1);

void renderTiles(int Worker, int Workers, double &Checksum) {
  Ready.wait();
  double Sum = 0;
  for (int Y = Worker; Y < Config.Height; Y += Workers)
    for (int X = 0; X < Config.Width; ++X)
      Sum += (X ^ Y) * Config.Scale; // expect-race: Scale
  Checksum = Sum;
}

int main() {
  constexpr int Workers = 3;
  std::vector<double> Checksums(Workers);
  std::vector<std::thread> Pool;
  for (int W = 0; W < Workers; ++W)
    Pool.emplace_back(renderTiles, W, Workers, std::ref(Checksums[W]));

  Config.Width = 320;
  Config.Height = 200;
  Ready.count_down();
  Config.Scale = 0.5; // expect-race: Scale

  for (auto &T : Pool)
    T.join();
  double Total = 0;
  for (double C : Checksums)
    Total += C;
  std::printf("checksum %.1f\n", Total);
  return 0;
}
