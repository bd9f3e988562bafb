// A worker thread adds up 1..1000 while main shows a progress line. The
// worker's lambda captures everything by reference ([&]), so `Sum` is one
// variable shared by both threads: main reads it while the worker is still
// writing it, and nothing orders the two accesses.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>
#include <vector>

constexpr int Count = 1000;

// Forces main to peek while the worker is busy (see README.md): the worker
// opens it halfway through the numbers.
racelab::HiddenGate WorkerHalfway;

int main() {
  std::vector<int> Numbers;
  for (int I = 1; I <= Count; ++I)
    Numbers.push_back(I);

  long Sum = 0;
  std::thread Worker([&] { // [&]: Sum is main's variable, not a copy
    for (int I = 0; I < Count; ++I) {
      Sum += Numbers[I]; // expect-race: Sum written by the worker
      if (I == Count / 2)
        WorkerHalfway.open();
    }
  });

  WorkerHalfway.wait();
  std::printf("progress: running sum %ld\n", Sum); // expect-race: Sum read by main
  Worker.join();
  std::printf("sum of 1..%d = %ld\n", Count, Sum);
}
