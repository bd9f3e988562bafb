// Request statistics with per-thread counters, fast version. Same work and
// same totals as before.cpp, but every counter is aligned to (and so fills)
// a cache line of its own: an increment by one core no longer takes
// the line away from the other cores, and each core keeps its line in its
// own cache for the whole run.
//
// usage: fixed [--threads N] [--items N]
//   --threads  worker threads (default: $RACELAB_THREADS, else the number of cores)
//   --items    simulated requests in total (default 200000000)
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string_view>
#include <thread>
#include <vector>

// The size of a cache line, as far as false sharing goes (64 on x86-64).
#ifdef __cpp_lib_hardware_interference_size
constexpr size_t CacheLine = std::hardware_destructive_interference_size;
#else
constexpr size_t CacheLine = 64;
#endif

// A counter padded to a whole cache line: no two counters share one.
struct alignas(CacheLine) PaddedCounter {
  std::atomic<long> Value{0};
};

[[noreturn]] void usage(const char *Prog) {
  std::fprintf(stderr, "usage: %s [--threads N] [--items N]  (N a whole number >= 1)\n", Prog);
  std::exit(2);
}

// A whole number from 1 to Max, or 0 if Text is anything else.
long positive(const char *Text, long Max) {
  char *End = nullptr;
  errno = 0;
  long N = Text ? std::strtol(Text, &End, 10) : 0;
  return (Text && End != Text && *End == '\0' && errno == 0 && N > 0 && N <= Max) ? N : 0;
}

// Request I fails when its (fixed, pseudo-random) status says so.
bool fails(uint64_t I) {
  uint64_t X = (I + 1) * 0x9E3779B97F4A7C15u;
  X ^= X >> 31;
  return X % 16 == 0;
}

int main(int Argc, char **Argv) {
  long Threads = 0, Items = 200'000'000;
  if (const char *Env = std::getenv("RACELAB_THREADS"); Env && !(Threads = positive(Env, 1024)))
    usage(Argv[0]);
  for (int I = 1; I < Argc; I += 2) {
    std::string_view Flag = Argv[I];
    long Value = I + 1 < Argc ? positive(Argv[I + 1], 4'000'000'000) : 0;
    if (Flag == "--threads" && Value > 0 && Value <= 1024)
      Threads = Value;
    else if (Flag == "--items" && Value > 0)
      Items = Value;
    else
      usage(Argv[0]);
  }
  if (Threads == 0)
    Threads = std::max(1u, std::thread::hardware_concurrency());

  // Live statistics: atomics, so a monitor could read them at any time
  // while the workers run. Thread T only ever writes slot T of each array.
  // Each slot is a cache line of its own (vector uses aligned new).
  static_assert(sizeof(PaddedCounter) == CacheLine);
  std::vector<PaddedCounter> Handled(Threads), Failed(Threads);
  std::vector<std::thread> Workers;
  long Begin = 0;
  for (long T = 0; T < Threads; ++T) {
    long End = Begin + Items / Threads + (T < Items % Threads ? 1 : 0);
    Workers.emplace_back([&Handled, &Failed, T, Begin, End] {
      for (long I = Begin; I < End; ++I) {
        Handled[T].Value.fetch_add(1, std::memory_order_relaxed);
        if (fails(I))
          Failed[T].Value.fetch_add(1, std::memory_order_relaxed);
      }
    });
    Begin = End;
  }
  for (std::thread &W : Workers)
    W.join();

  long TotalHandled = 0, TotalFailed = 0;
  for (long T = 0; T < Threads; ++T)
    TotalHandled += Handled[T].Value.load(), TotalFailed += Failed[T].Value.load();
  std::printf("handled: %ld\nfailed: %ld\n", TotalHandled, TotalFailed);
}
