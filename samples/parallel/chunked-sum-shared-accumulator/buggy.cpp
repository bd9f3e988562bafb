// Sums 1..10000 in parallel: the numbers are cut into one chunk per thread,
// and every thread runs over its own chunk. The chunks are disjoint, but the
// result is not: every thread adds straight into the one shared `Total`.
// `Total += X` is a read, an add and a write, so concurrent threads overwrite
// each other's additions and the sum comes out too small.
//
// Thread count: the first argument, else the environment variable
// RACELAB_THREADS, else std::thread::hardware_concurrency().
#include "racelab/interleave.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

constexpr int Count = 10000;

long Total = 0;

// Forces an overlap in every run (see README.md): thread 0 sums its whole
// chunk first, then the others start, all adding into Total after it.
racelab::HiddenGate FirstChunkDone;

void sumChunk(const std::vector<int> &Numbers, size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I)
    Total += Numbers[I]; // expect-race: Total
}

// A whole number from 1 to 64, or 0 if Text is missing or anything else.
unsigned parseCount(const char *Text) {
  if (!Text)
    return 0;
  char *End = nullptr;
  unsigned long N = std::strtoul(Text, &End, 10);
  return (End != Text && *End == '\0' && N > 0 && N <= 64) ? N : 0;
}

unsigned threadCount(int Argc, char **Argv) {
  if (unsigned N = parseCount(Argc > 1 ? Argv[1] : nullptr))
    return N;
  if (unsigned N = parseCount(std::getenv("RACELAB_THREADS")))
    return N;
  unsigned N = std::thread::hardware_concurrency();
  return N > 0 ? N : 2;
}

int main(int Argc, char **Argv) {
  const unsigned Threads = threadCount(Argc, Argv);
  std::vector<int> Numbers;
  for (int I = 1; I <= Count; ++I)
    Numbers.push_back(I);

  // Chunk: thread T gets [T * ChunkSize, (T + 1) * ChunkSize), the last one
  // may be shorter.
  const size_t ChunkSize = (Numbers.size() + Threads - 1) / Threads;
  std::vector<std::thread> Workers;
  for (unsigned T = 0; T < Threads; ++T) {
    size_t Begin = std::min(Numbers.size(), T * ChunkSize);
    size_t End = std::min(Numbers.size(), Begin + ChunkSize);
    Workers.emplace_back([&Numbers, T, Begin, End] {
      if (T > 0)
        FirstChunkDone.wait();
      sumChunk(Numbers, Begin, End);
      if (T == 0)
        FirstChunkDone.open();
    });
  }
  for (std::thread &W : Workers)
    W.join();

  std::printf("sum of 1..%d with %u threads = %ld (expected %ld)\n", Count,
              Threads, Total, long(Count) * (Count + 1) / 2);
}
