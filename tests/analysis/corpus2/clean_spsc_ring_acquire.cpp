// Lock-free single-producer single-consumer ring buffer for audio blocks.
// The producer fills a slot and publishes it with a release store of the
// tail; the consumer acquires the tail, reads the slot and releases the
// head back to the producer.
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>

struct AudioBlock {
  int Seq = 0;
  std::array<float, 128> Samples{};
};

template <size_t Capacity> class SpscRing {
public:
  bool tryPush(const AudioBlock &B) {
    size_t Tail = TailIdx.load(std::memory_order_relaxed);
    size_t Next = (Tail + 1) % Capacity;
    if (Next == HeadIdx.load(std::memory_order_acquire))
      return false;
    Slots[Tail] = B;
    TailIdx.store(Next, std::memory_order_release);
    return true;
  }

  bool tryPop(AudioBlock &Out) {
    size_t Head = HeadIdx.load(std::memory_order_relaxed);
    if (Head == TailIdx.load(std::memory_order_acquire))
      return false;
    Out = Slots[Head];
    HeadIdx.store((Head + 1) % Capacity, std::memory_order_release);
    return true;
  }

private:
  std::array<AudioBlock, Capacity> Slots;
  std::atomic<size_t> HeadIdx{0};
  std::atomic<size_t> TailIdx{0};
};

static AudioBlock synthesize(int Seq) {
  AudioBlock B;
  B.Seq = Seq;
  for (size_t I = 0; I < B.Samples.size(); ++I)
    B.Samples[I] = std::sin(0.05f * float(Seq * 128 + int(I)));
  return B;
}

int main() {
  const int Blocks = 2000;
  SpscRing<16> Ring;
  std::thread Producer([&Ring] {
    for (int Seq = 0; Seq < Blocks; ++Seq) {
      AudioBlock B = synthesize(Seq);
      while (!Ring.tryPush(B))
        std::this_thread::yield();
    }
  });
  std::thread Consumer([&Ring] {
    double Energy = 0;
    AudioBlock B;
    for (int Got = 0; Got < Blocks;) {
      if (!Ring.tryPop(B)) {
        std::this_thread::yield();
        continue;
      }
      for (float S : B.Samples)
        Energy += double(S) * S;
      ++Got;
    }
    std::printf("energy %.3f, last block %d\n", Energy, B.Seq);
  });
  Producer.join();
  Consumer.join();
  return 0;
}
