// Single-producer single-consumer ring buffer of sensor samples.
// Races: the producer publishes a filled slot with a relaxed store of Head
// and the consumer frees it with a relaxed store of Tail, so the slot
// contents in Slots are not ordered between the two threads.
#include <atomic>
#include <cstdio>
#include <thread>

template <typename T, size_t Cap> class Ring {
public:
  bool push(const T &V) {
    size_t H = Head.load(std::memory_order_relaxed);
    if (H - Tail.load(std::memory_order_relaxed) == Cap)
      return false;
    Slots[H % Cap] = V; // expect-race: Slots
    Head.store(H + 1, std::memory_order_relaxed);
    return true;
  }

  bool pop(T &Out) {
    size_t Tl = Tail.load(std::memory_order_relaxed);
    if (Tl == Head.load(std::memory_order_relaxed))
      return false;
    Out = Slots[Tl % Cap]; // expect-race: Slots
    Tail.store(Tl + 1, std::memory_order_relaxed);
    return true;
  }

private:
  T Slots[Cap];
  std::atomic<size_t> Head{0};
  std::atomic<size_t> Tail{0};
};

Ring<long, 8> Samples;

int main() {
  constexpr long Count = 2000;
  std::thread Producer([] {
    for (long I = 0; I < Count; ++I)
      while (!Samples.push(I * 3))
        std::this_thread::yield();
  });
  long Sum = 0;
  std::thread Consumer([&Sum] {
    long V;
    for (long Got = 0; Got < Count;) {
      if (Samples.pop(V)) {
        Sum += V;
        ++Got;
      } else {
        std::this_thread::yield();
      }
    }
  });
  Producer.join();
  Consumer.join();
  std::printf("sum %ld\n", Sum);
  return 0;
}
