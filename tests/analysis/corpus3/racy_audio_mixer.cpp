// Double-buffered software mixer: the mixer thread renders a block of
// samples from a set of oscillators into the back buffer and flips it to
// the front; the output thread copies the front buffer to the device.
// The flip is a relaxed atomic store, which publishes nothing.
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int BlockSize = 128;
constexpr long NumBlocks = 300;

struct Oscillator {
  double Phase;
  double Step;
  double Gain;
};

class DoubleBufferedMixer {
public:
  void renderBlock(std::vector<Oscillator> &Voices) {
    int Back = 1 - Front.load(std::memory_order_relaxed);
    float *Out = Buffers[Back];
    for (int I = 0; I < BlockSize; ++I) {
      double Sample = 0;
      for (Oscillator &V : Voices) {
        Sample += V.Gain * std::sin(V.Phase);
        V.Phase += V.Step;
      }
      Out[I] = static_cast<float>(Sample); // expect-race: Buffers
    }
    Front.store(Back, std::memory_order_relaxed);
    Rendered.fetch_add(1, std::memory_order_relaxed);
  }

  // Copies the newest block if there is one the caller has not seen yet.
  bool copyFront(std::vector<float> &Device, long &LastSeen) {
    long Now = Rendered.load(std::memory_order_relaxed);
    if (Now == LastSeen)
      return false;
    LastSeen = Now;
    const float *In = Buffers[Front.load(std::memory_order_relaxed)];
    for (int I = 0; I < BlockSize; ++I)
      Device.push_back(In[I]); // expect-race: Buffers
    return true;
  }

  long rendered() const { return Rendered.load(std::memory_order_relaxed); }

private:
  float Buffers[2][BlockSize] = {};
  std::atomic<int> Front{0};
  std::atomic<long> Rendered{0};
};

int main() {
  DoubleBufferedMixer Mixer;
  std::vector<Oscillator> Voices{{0, 0.031, 0.5}, {0, 0.047, 0.3}, {0, 0.109, 0.2}};
  std::vector<float> Device;

  std::thread MixerThread([&Mixer, &Voices] {
    for (long B = 0; B < NumBlocks; ++B) {
      Mixer.renderBlock(Voices);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  std::thread OutputThread([&Mixer, &Device] {
    long LastSeen = 0;
    while (LastSeen < NumBlocks)
      if (!Mixer.copyFront(Device, LastSeen))
        std::this_thread::yield();
  });
  MixerThread.join();
  OutputThread.join();

  double Energy = 0;
  for (float S : Device)
    Energy += S * S;
  std::printf("played %zu samples, %ld blocks rendered, energy %.1f\n", Device.size(),
              Mixer.rendered(), Energy);
}
