// Three threads each append 100 numbers to one shared std::vector. push_back
// reads and writes the vector's size, may allocate a bigger buffer, copy the
// elements over and free the old one. None of that is safe while another
// thread does the same: elements get lost, written twice, or written into a
// buffer that was just freed.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>
#include <vector>

constexpr int Threads = 3;
constexpr int PerThread = 100;

std::vector<int> Items;

// Forces the threads one after the other (see README.md): thread T waits for
// Finished[T - 1], appends, then opens Finished[T]. TSan still sees three
// unsynchronized threads; the relay only keeps the container from being
// corrupted for real while TSan watches.
racelab::HiddenGate Finished[Threads];

void append(int Thread) {
  for (int I = 0; I < PerThread; ++I)
    Items.push_back(Thread * PerThread + I); // expect-race: Items
}

int main() {
  std::thread Workers[Threads];
  for (int T = 0; T < Threads; ++T)
    Workers[T] = std::thread([T] {
      if (T > 0)
        Finished[T - 1].wait();
      append(T);
      Finished[T].open();
    });
  for (std::thread &W : Workers)
    W.join();

  long Sum = 0;
  for (int X : Items)
    Sum += X;
  std::printf("%zu items (expected %d), sum %ld (expected %d)\n", Items.size(),
              Threads * PerThread, Sum,
              Threads * PerThread * (Threads * PerThread - 1) / 2);
}
