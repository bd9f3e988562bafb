// A tiny ray tracer (two spheres, diffuse shading) that splits the image
// into horizontal tiles, one thread per tile. Every thread writes only its
// own rows of the image, but the statistics counter is shared.
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

struct Vec {
  double X, Y, Z;
};
static Vec sub(Vec A, Vec B) { return {A.X - B.X, A.Y - B.Y, A.Z - B.Z}; }
static double dot(Vec A, Vec B) { return A.X * B.X + A.Y * B.Y + A.Z * B.Z; }
static Vec norm(Vec A) {
  double L = std::sqrt(dot(A, A));
  return {A.X / L, A.Y / L, A.Z / L};
}

struct Sphere {
  Vec Center;
  double Radius;
};

const int Width = 160, Height = 120, NumTiles = 4;
const Sphere Scene[] = {{{0, 0, -3}, 1.0}, {{1.5, 0.5, -4}, 0.7}};
long RaysTraced = 0;

static bool hit(const Sphere &S, Vec Origin, Vec Dir, double &T) {
  Vec OC = sub(Origin, S.Center);
  double B = dot(OC, Dir), C = dot(OC, OC) - S.Radius * S.Radius;
  double Disc = B * B - C;
  if (Disc < 0)
    return false;
  T = -B - std::sqrt(Disc);
  return T > 0;
}

static double shade(Vec Dir) {
  ++RaysTraced; // expect-race: RaysTraced every tile thread counts here
  double Best = 1e9, Light = 0.1;
  for (const Sphere &S : Scene) {
    double T;
    if (hit(S, {0, 0, 0}, Dir, T) && T < Best) {
      Best = T;
      Vec P = {Dir.X * T, Dir.Y * T, Dir.Z * T};
      Vec N = norm(sub(P, S.Center));
      Light = std::fmax(0.1, dot(N, norm({1, 1, 1})));
    }
  }
  return Light;
}

static void renderTile(std::vector<double> &Image, int FirstRow, int LastRow) {
  for (int Y = FirstRow; Y < LastRow; ++Y)
    for (int X = 0; X < Width; ++X) {
      Vec Dir = norm({(X - Width / 2.0) / Width, (Height / 2.0 - Y) / Width, -1});
      Image[Y * Width + X] = shade(Dir);
    }
}

int main() {
  std::vector<double> Image(Width * Height);
  std::vector<std::thread> Workers;
  int RowsPerTile = Height / NumTiles;
  for (int T = 0; T < NumTiles; ++T)
    Workers.emplace_back(renderTile, std::ref(Image), T * RowsPerTile, (T + 1) * RowsPerTile);
  for (auto &W : Workers)
    W.join();

  double Sum = 0;
  for (double V : Image)
    Sum += V;
  std::printf("rays %ld, mean brightness %.3f\n", RaysTraced, Sum / Image.size());
}
