// A backup tool checksums --items blocks, CPU-bound work with no I/O. It
// cuts the work into 64 shares and starts one thread per share, "so it
// scales". The machine has 2 cores: at most 2 of the 64 threads run at any
// moment, the others wait in the run queue, and the kernel keeps switching
// between them. The result is right, but no faster than with 2 threads:
// the extra threads only add costs (creating them, switching between them),
// small here, larger when each thread has data of its own in the cache.
//
// Usage: before [--threads N] [--items N]
//   --threads N  worker threads (default: 64, whatever the machine; this
//                program does not look at the cores or RACELAB_THREADS)
//   --items N    blocks to checksum (default 10000000)
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

// The checksum of one block: a fixed number of mixing rounds (splitmix64),
// so every block costs the same CPU time and touches no memory.
uint64_t blockChecksum(uint64_t Block) {
  uint64_t X = Block;
  for (int Round = 0; Round < 64; ++Round) {
    X += 0x9e3779b97f4a7c15;
    X = (X ^ (X >> 30)) * 0xbf58476d1ce4e5b9;
    X = (X ^ (X >> 27)) * 0x94d049bb133111eb;
    X ^= X >> 31;
  }
  return X;
}

long positive(const char *Text) { // a positive whole number, or 0
  char *End = nullptr;
  long N = Text ? std::strtol(Text, &End, 10) : 0;
  return (End != Text && *End == '\0' && N > 0 && N <= 1'000'000'000) ? N : 0;
}

int main(int Argc, char **Argv) {
  long Items = 10'000'000;
  long Threads = 64; // "plenty": the number of cores never enters the picture
  bool Ok = true;
  for (int I = 1; Ok && I < Argc; I += 2) {
    std::string_view Flag = Argv[I];
    long *Slot = Flag == "--items" ? &Items : Flag == "--threads" ? &Threads : nullptr;
    Ok = Slot && (*Slot = positive(I + 1 < Argc ? Argv[I + 1] : nullptr)) > 0;
  }
  if (!Ok || Threads > 1024) {
    std::fprintf(stderr, "usage: %s [--threads N (1-1024)] [--items N]\n", Argv[0]);
    return 2;
  }

  // Thread T sums blocks [T * Items / Threads, (T + 1) * Items / Threads)
  // into its own slot, written once; main adds the slots up after join().
  std::vector<uint64_t> Partial(Threads);
  std::vector<std::thread> Workers;
  for (long T = 0; T < Threads; ++T)
    Workers.emplace_back([&Partial, T, Threads, Items] {
      uint64_t Sum = 0;
      for (long B = T * Items / Threads; B < (T + 1) * Items / Threads; ++B)
        Sum += blockChecksum(B);
      Partial[T] = Sum;
    });
  for (std::thread &W : Workers)
    W.join();

  uint64_t Total = 0;
  for (uint64_t Sum : Partial)
    Total += Sum;
  std::printf("%ld blocks, checksum %016llx\n", Items, (unsigned long long)Total);
}
