// Single-slot frame hand-off between a decoder and a renderer with a mutex
// and a condition variable. The decoder publishes the slot, then fills in
// the pixels after releasing the lock.
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct VideoFrame {
  int Number = -1;
  std::vector<uint8_t> Data;
};

class FrameSlot {
public:
  explicit FrameSlot(size_t FrameBytes) { Frame.Data.resize(FrameBytes); }

  void publish(int N) {
    std::unique_lock<std::mutex> L(M);
    CV.wait(L, [this] { return !HasFrame; });
    Frame.Number = N;
    HasFrame = true;
    L.unlock();
    CV.notify_all();
    // Decode straight into the slot to save a copy.
    for (size_t I = 0; I < Frame.Data.size(); ++I)
      Frame.Data[I] = uint8_t((N * 31 + I) & 0xff); // expect-race: Data
  }

  int take(std::vector<uint8_t> &Out) {
    std::unique_lock<std::mutex> L(M);
    CV.wait(L, [this] { return HasFrame; });
    Out = Frame.Data; // expect-race: Data
    int N = Frame.Number;
    HasFrame = false;
    L.unlock();
    CV.notify_all();
    return N;
  }

private:
  std::mutex M;
  std::condition_variable CV;
  bool HasFrame = false;
  VideoFrame Frame;
};

static unsigned long render(const std::vector<uint8_t> &Pixels) {
  unsigned long Luma = 0;
  for (uint8_t P : Pixels)
    Luma += P;
  return Luma;
}

int main() {
  const int Frames = 120;
  FrameSlot Slot(64 * 48);
  std::thread Decoder([&Slot] {
    for (int N = 0; N < Frames; ++N)
      Slot.publish(N);
  });
  std::thread Renderer([&Slot] {
    std::vector<uint8_t> Pixels;
    unsigned long Total = 0;
    for (int N = 0; N < Frames; ++N) {
      Slot.take(Pixels);
      Total += render(Pixels);
    }
    std::printf("rendered luma %lu\n", Total);
  });
  Decoder.join();
  Renderer.join();
  return 0;
}
