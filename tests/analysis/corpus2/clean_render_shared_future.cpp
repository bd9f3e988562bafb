// Tile renderer: main loads the scene, then releases all render threads at
// once through a shared_future; each thread renders its tiles and hands the
// finished tile list back through its own promise.
#include <cmath>
#include <cstdio>
#include <future>
#include <string>
#include <thread>
#include <vector>

struct Scene {
  std::string Name;
  int Width = 0, Height = 0;
  std::vector<double> Heights;
};

struct Tile {
  int X0, Y0;
  double MeanShade;
};

static Scene GlobalScene;

static void loadScene(Scene &S) {
  S.Name = "valley";
  S.Width = 256;
  S.Height = 256;
  S.Heights.resize(size_t(S.Width) * S.Height);
  for (int Y = 0; Y < S.Height; ++Y)
    for (int X = 0; X < S.Width; ++X)
      S.Heights[size_t(Y) * S.Width + X] = std::sin(X * 0.05) * std::cos(Y * 0.07);
}

static Tile renderTile(const Scene &S, int X0, int Y0, int Size) {
  double Sum = 0;
  for (int Y = Y0; Y < Y0 + Size; ++Y)
    for (int X = X0; X < X0 + Size; ++X)
      Sum += 0.5 + 0.5 * S.Heights[size_t(Y) * S.Width + X];
  return Tile{X0, Y0, Sum / (Size * Size)};
}

static void renderWorker(std::shared_future<void> Go, std::promise<std::vector<Tile>> Out,
                         int Worker, int Workers) {
  Go.wait();
  const int Size = 32;
  std::vector<Tile> Tiles;
  int TilesX = GlobalScene.Width / Size, TilesY = GlobalScene.Height / Size;
  for (int T = Worker; T < TilesX * TilesY; T += Workers)
    Tiles.push_back(renderTile(GlobalScene, (T % TilesX) * Size, (T / TilesX) * Size, Size));
  Out.set_value(std::move(Tiles));
}

int main() {
  const int Workers = 3;
  std::promise<void> Start;
  std::shared_future<void> Go = Start.get_future().share();
  std::vector<std::future<std::vector<Tile>>> Results;
  std::vector<std::thread> Threads;
  for (int W = 0; W < Workers; ++W) {
    std::promise<std::vector<Tile>> P;
    Results.push_back(P.get_future());
    Threads.emplace_back(renderWorker, Go, std::move(P), W, Workers);
  }

  loadScene(GlobalScene);
  Start.set_value();

  double Brightest = 0;
  size_t Count = 0;
  for (auto &R : Results)
    for (const Tile &T : R.get()) {
      Brightest = std::max(Brightest, T.MeanShade);
      ++Count;
    }
  for (auto &T : Threads)
    T.join();
  std::printf("%s: %zu tiles, brightest %.3f\n", GlobalScene.Name.c_str(), Count, Brightest);
  return 0;
}
