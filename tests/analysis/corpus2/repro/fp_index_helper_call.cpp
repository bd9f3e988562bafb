// FP (clean_life_barrier.cpp:23): the row band is the thread's own, but the
// index is computed by a member helper (idx) or wrapped in a cast, so the
// slice is not recognised. Next[Y * 8 + X] is silent. Clean program.
#include <thread>
#include <vector>
struct Grid {
  std::vector<char> Next = std::vector<char>(64);
  size_t idx(int X, int Y) const { return size_t(Y * 8 + X); }
  void stepBand(int Y0, int Y1) {
    for (int Y = Y0; Y < Y1; ++Y)
      for (int X = 0; X < 8; ++X)
        Next[idx(X, Y)] = 1;
  }
};
int main() {
  Grid G;
  std::thread A([&G] { G.stepBand(0, 4); });
  std::thread B([&G] { G.stepBand(4, 8); });
  A.join();
  B.join();
}
