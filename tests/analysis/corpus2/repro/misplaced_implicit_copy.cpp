// Misplaced (seen in clean_spsc_ring_acquire.cpp:11): when the struct has
// default member initializers, the implicit operator= gets a body and the
// race is reported at the struct's declaration line (here line 7), not at
// the assignment and the copy below. Racy program.
#include <array>
#include <thread>
struct Block {
  int Seq = 0;
  std::array<float, 8> Samples{};
};
static Block Slot;
int main() {
  std::thread Producer([] { Block B; B.Seq = 1; Slot = B; }); // expect-race: Slot
  std::thread Consumer([] { Block Out; Out = Slot; (void)Out; }); // expect-race: Slot
  Producer.join();
  Consumer.join();
}
