// A data logger reads sensor samples in blocks. For each block a background
// thread computes a checksum while main already reads the next block. The
// thread gets the block with std::cref(Buffer): a reference to main's one
// buffer, not a copy. So main overwrites the samples the thread is still
// adding up, with nothing ordering main's writes and the thread's reads,
// and block 1's checksum comes out with block 2's numbers in it.
#include "racelab/interleave.h"

#include <array>
#include <cstdio>
#include <functional>
#include <thread>

constexpr int BlockSize = 8;
using Block = std::array<int, BlockSize>;

// Forces the overlap in every run (see README.md): main reads the next block
// while the checksum thread is halfway through the current one.
racelab::HiddenGate HalfSummed, NextBlockRead;

// Pretends to read block number N from the sensor.
void readBlock(Block &Samples, int N) {
  for (int I = 0; I < BlockSize; ++I)
    Samples[I] = N * 100 + I; // expect-race: Buffer written by main
}

void checksum(const Block &Samples, long &Sum) {
  for (int I = 0; I < BlockSize; ++I) {
    Sum += Samples[I]; // expect-race: Buffer read by the checksum thread
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
  // std::cref: the thread reads main's Buffer itself. std::ref(Sum1) is
  // fine: main only reads Sum1 after join().
  std::thread Worker(checksum, std::cref(Buffer), std::ref(Sum1));

  HalfSummed.wait();
  readBlock(Buffer, 2); // the next block goes into the same buffer
  NextBlockRead.open();
  long Sum2 = 0;
  checksum(Buffer, Sum2);
  Worker.join();

  std::printf("block 1 checksum %ld (expected %d)\n", Sum1, 8 * 100 + 28);
  std::printf("block 2 checksum %ld (expected %d)\n", Sum2, 8 * 200 + 28);
}
