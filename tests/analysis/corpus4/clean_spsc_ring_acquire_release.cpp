// Single-producer single-consumer ring buffer of log records. Correct: the
// producer fills a slot and then publishes it with a release store of Head;
// the consumer reads Head with acquire before reading the slot, and frees the
// slot with a release store of Tail that the producer acquires.
#include <atomic>
#include <cstdio>
#include <thread>

struct Record {
  long Seq;
  double Value;
};

template <typename T, size_t Cap> class SpscRing {
public:
  bool tryPush(const T &V) {
    size_t H = Head.load(std::memory_order_relaxed);
    if (H - Tail.load(std::memory_order_acquire) == Cap)
      return false;
    Buf[H % Cap] = V;
    Head.store(H + 1, std::memory_order_release);
    return true;
  }

  bool tryPop(T &Out) {
    size_t Tl = Tail.load(std::memory_order_relaxed);
    if (Tl == Head.load(std::memory_order_acquire))
      return false;
    Out = Buf[Tl % Cap];
    Tail.store(Tl + 1, std::memory_order_release);
    return true;
  }

private:
  T Buf[Cap];
  alignas(64) std::atomic<size_t> Head{0};
  alignas(64) std::atomic<size_t> Tail{0};
};

int main() {
  SpscRing<Record, 16> Ring;
  constexpr long N = 5000;
  std::thread Producer([&Ring] {
    for (long I = 0; I < N; ++I) {
      Record R{I, I * 0.5};
      while (!Ring.tryPush(R))
        std::this_thread::yield();
    }
  });
  double Sum = 0;
  long Bad = 0;
  std::thread Consumer([&] {
    Record R;
    for (long Expect = 0; Expect < N;) {
      if (!Ring.tryPop(R)) {
        std::this_thread::yield();
        continue;
      }
      if (R.Seq != Expect)
        ++Bad;
      Sum += R.Value;
      ++Expect;
    }
  });
  Producer.join();
  Consumer.join();
  std::printf("sum %.1f, out of order %ld\n", Sum, Bad);
  return 0;
}
