// Double-buffered audio path: the mixer renders block N into buffer N % 2
// and publishes it with a release store; the output stage acquires it,
// plays it, and hands the buffer back with another release store. The mixer
// never gets more than one block ahead, so a buffer is never written while
// it is being played.
#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int BlockSize = 256;
constexpr long NumBlocks = 400;

class BlockExchange {
public:
  float *beginWrite(long Block) {
    while (Block - Played.load(std::memory_order_acquire) >= 2)
      std::this_thread::yield();
    return Buffers[Block % 2];
  }
  void endWrite(long Block) { Rendered.store(Block + 1, std::memory_order_release); }

  const float *beginRead(long Block) {
    while (Rendered.load(std::memory_order_acquire) <= Block)
      std::this_thread::yield();
    return Buffers[Block % 2];
  }
  void endRead(long Block) { Played.store(Block + 1, std::memory_order_release); }

private:
  float Buffers[2][BlockSize] = {};
  std::atomic<long> Rendered{0};
  std::atomic<long> Played{0};
};

struct Voice {
  double Phase, Step, Gain;
};

static void mixBlock(std::vector<Voice> &Voices, float *Out) {
  for (int I = 0; I < BlockSize; ++I) {
    double S = 0;
    for (Voice &V : Voices) {
      S += V.Gain * std::sin(V.Phase);
      V.Phase += V.Step;
    }
    Out[I] = static_cast<float>(std::tanh(S));
  }
}

int main() {
  BlockExchange Exchange;
  std::vector<Voice> Voices{{0, 0.02, 0.6}, {0, 0.05, 0.3}, {1.0, 0.13, 0.2}};
  double Peak = 0;
  long Samples = 0;

  std::thread Mixer([&] {
    for (long B = 0; B < NumBlocks; ++B) {
      mixBlock(Voices, Exchange.beginWrite(B));
      Exchange.endWrite(B);
    }
  });
  std::thread Output([&] {
    for (long B = 0; B < NumBlocks; ++B) {
      const float *In = Exchange.beginRead(B);
      for (int I = 0; I < BlockSize; ++I) {
        Peak = std::fmax(Peak, std::fabs(In[I]));
        ++Samples;
      }
      Exchange.endRead(B);
    }
  });
  Mixer.join();
  Output.join();
  std::printf("played %ld samples, peak %.3f\n", Samples, Peak);
}
