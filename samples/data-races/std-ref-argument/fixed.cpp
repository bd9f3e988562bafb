// The fix: the checksum thread gets the block by value. std::thread copies
// its arguments into storage of its own before the thread starts (even for
// a `const Block &` parameter, which then binds to that copy), unless they
// are wrapped in std::ref / std::cref. Main can refill Buffer while the
// thread adds up its private copy of block 1.
#include "racelab/interleave.h"

#include <array>
#include <cstdio>
#include <functional>
#include <thread>

constexpr int BlockSize = 8;
using Block = std::array<int, BlockSize>;

// The same forced overlap as in buggy.cpp: main reads the next block while
// the checksum thread is halfway through the current one.
racelab::HiddenGate HalfSummed, NextBlockRead;

// Pretends to read block number N from the sensor.
void readBlock(Block &Samples, int N) {
  for (int I = 0; I < BlockSize; ++I)
    Samples[I] = N * 100 + I;
}

void checksum(const Block &Samples, long &Sum) {
  for (int I = 0; I < BlockSize; ++I) {
    Sum += Samples[I];
    if (I == BlockSize / 2 - 1) {
      HalfSummed.open();
      NextBlockRead.wait();
    }
  }
}

int main() {
  Block Buffer;
  long Sum1 = 0;
  readBlock(Buffer, 1);
  // Buffer without std::cref: copied now, in main, before the thread runs.
  // std::ref(Sum1) stays: main only reads Sum1 after join().
  std::thread Worker(checksum, Buffer, std::ref(Sum1));

  HalfSummed.wait();
  readBlock(Buffer, 2); // the next block goes into the same buffer
  NextBlockRead.open();
  long Sum2 = 0;
  checksum(Buffer, Sum2);
  Worker.join();

  std::printf("block 1 checksum %ld (expected %d)\n", Sum1, 8 * 100 + 28);
  std::printf("block 2 checksum %ld (expected %d)\n", Sum2, 8 * 200 + 28);
}
