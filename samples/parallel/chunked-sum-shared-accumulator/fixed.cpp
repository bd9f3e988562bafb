// The fix: chunk, run in parallel, reassemble. Every thread still sums its
// own chunk, but into its own slot Partial[T] that no other thread touches.
// Only after join() does main add the partial sums up: join() guarantees that
// every slot is complete and visible by then.
//
// Thread count: the first argument, else the environment variable
// RACELAB_THREADS, else std::thread::hardware_concurrency().
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <thread>
#include <vector>

constexpr int Count = 10000;

long sumChunk(const std::vector<int> &Numbers, size_t Begin, size_t End) {
  long Sum = 0; // a local: private to this thread
  for (size_t I = Begin; I < End; ++I)
    Sum += Numbers[I];
  return Sum;
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
  std::vector<long> Partial(Threads, 0); // one slot per thread
  std::vector<std::thread> Workers;
  for (unsigned T = 0; T < Threads; ++T) {
    size_t Begin = std::min(Numbers.size(), T * ChunkSize);
    size_t End = std::min(Numbers.size(), Begin + ChunkSize);
    // Run in parallel: each thread writes only Partial[T], and only once.
    Workers.emplace_back([&Numbers, &Partial, T, Begin, End] {
      Partial[T] = sumChunk(Numbers, Begin, End);
    });
  }
  for (std::thread &W : Workers)
    W.join();

  // Reassemble, after every thread has finished.
  long Total = std::accumulate(Partial.begin(), Partial.end(), 0L);
  std::printf("sum of 1..%d with %u threads = %ld (expected %ld)\n", Count,
              Threads, Total, long(Count) * (Count + 1) / 2);
}
