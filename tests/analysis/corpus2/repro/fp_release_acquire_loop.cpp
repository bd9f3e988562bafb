// FP (clean_spsc_ring_acquire.cpp:11): a one-slot mailbox handed back and
// forth with release stores and acquire loads, in a loop. Without the loops
// (one hand-off) it is silent; with them the hand-off is not seen as ordered.
#include <atomic>
#include <thread>
static int Slot;
static std::atomic<bool> Full{false};
int main() {
  std::thread P([] {
    for (int I = 0; I < 100; ++I) {
      while (Full.load(std::memory_order_acquire)) {}
      Slot = I;
      Full.store(true, std::memory_order_release);
    }
  });
  std::thread C([] {
    for (int I = 0; I < 100; ++I) {
      while (!Full.load(std::memory_order_acquire)) {}
      int V = Slot;
      (void)V;
      Full.store(false, std::memory_order_release);
    }
  });
  P.join();
  C.join();
}
