// Parallel 1-D box blur, in place. Each thread gets a range of the signal,
// but a 3-tap in-place blur reads its neighbours: the first and last element
// of a chunk are read by one thread while the neighbouring thread writes
// them.
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

void blurRange(std::vector<float> &Signal, size_t Begin, size_t End) {
  for (size_t I = std::max<size_t>(Begin, 1); I < End && I + 1 < Signal.size();
       ++I)
    Signal[I] = (Signal[I - 1] + Signal[I] + Signal[I + 1]) / 3.0f; // expect-race: Signal
}

void parallelBlur(std::vector<float> &Signal, unsigned Threads) {
  std::vector<std::thread> Workers;
  size_t Chunk = Signal.size() / Threads;
  for (unsigned T = 0; T < Threads; ++T) {
    size_t Begin = T * Chunk;
    size_t End = T + 1 == Threads ? Signal.size() : Begin + Chunk;
    Workers.emplace_back(blurRange, std::ref(Signal), Begin, End);
  }
  for (auto &W : Workers)
    W.join();
}

int main() {
  std::vector<float> Signal(4096);
  for (size_t I = 0; I < Signal.size(); ++I)
    Signal[I] = (I / 64) % 2 ? 1.0f : 0.0f;
  for (int Pass = 0; Pass < 4; ++Pass)
    parallelBlur(Signal, 4);
  float Peak = *std::max_element(Signal.begin(), Signal.end());
  std::printf("peak after blur: %.3f\n", Peak);
}
