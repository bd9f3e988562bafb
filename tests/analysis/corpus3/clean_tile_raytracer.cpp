// Tile-based ray tracer: the image is cut into 16x16 tiles and worker
// threads claim tiles from an atomic counter until none are left. A tile is
// claimed by exactly one worker, so each pixel is written once; per-worker
// ray counts live in per-worker slots and are summed after the joins.
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int Width = 192, Height = 128, TileSize = 16;
constexpr int TilesX = Width / TileSize, TilesY = Height / TileSize;

struct Ray {
  double OX, OY, OZ, DX, DY, DZ;
};

static double traceRay(const Ray &R) {
  // Ground plane y = -1 with a checker pattern, and a sky gradient.
  if (R.DY >= -1e-6)
    return 0.5 + 0.5 * R.DY;
  double T = (-1 - R.OY) / R.DY;
  double X = R.OX + T * R.DX, Z = R.OZ + T * R.DZ;
  bool Dark = (static_cast<int>(std::floor(X)) + static_cast<int>(std::floor(Z))) & 1;
  return (Dark ? 0.2 : 0.9) / (1 + 0.05 * T);
}

static void renderTile(int Tile, std::vector<uint8_t> &Frame, long &Rays) {
  int X0 = (Tile % TilesX) * TileSize, Y0 = (Tile / TilesX) * TileSize;
  for (int Y = Y0; Y < Y0 + TileSize; ++Y)
    for (int X = X0; X < X0 + TileSize; ++X) {
      double DX = (X - Width / 2.0) / Height, DY = (Height / 2.0 - Y) / Height;
      double Len = std::sqrt(DX * DX + DY * DY + 1);
      Ray R{0, 0, 0, DX / Len, DY / Len, -1 / Len};
      Frame[Y * Width + X] = static_cast<uint8_t>(255 * std::fmin(1.0, traceRay(R)));
      ++Rays;
    }
}

int main() {
  const int NumWorkers = 4;
  std::vector<uint8_t> Frame(Width * Height);
  std::vector<long> RaysPerWorker(NumWorkers, 0);
  std::atomic<int> NextTile{0};

  std::vector<std::thread> Workers;
  for (int W = 0; W < NumWorkers; ++W)
    Workers.emplace_back([&Frame, &NextTile, &RaysPerWorker, W] {
      for (int Tile = NextTile.fetch_add(1); Tile < TilesX * TilesY; Tile = NextTile.fetch_add(1))
        renderTile(Tile, Frame, RaysPerWorker[W]);
    });
  for (std::thread &T : Workers)
    T.join();

  long Rays = 0, Bright = 0;
  for (long N : RaysPerWorker)
    Rays += N;
  for (uint8_t P : Frame)
    Bright += P > 128;
  std::printf("%ld rays, %ld bright pixels of %d\n", Rays, Bright, Width * Height);
}
