// Account-number audit, parallel version: chunk, run in parallel, reassemble.
// Same input and same histogram of digit sums as before.cpp, but
//   1. chunk:      the numbers are cut into one contiguous chunk per thread;
//   2. parallel:   every thread counts its chunk into its own private
//                  histogram, which no other thread touches (no lock needed);
//   3. reassemble: after join(), main adds the partial histograms up.
//
// usage: fixed [--threads N] [--items N]
//   --threads  worker threads (default: $RACELAB_THREADS, else the number of cores)
//   --items    how many account numbers to audit (default 20000000)
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

using Histogram = std::array<long, 181>; // a uint64 has at most 20 digits: 0..180

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

int digitSum(uint64_t Number) {
  int Sum = 0;
  for (; Number > 0; Number /= 10)
    Sum += int(Number % 10);
  return Sum;
}

int main(int Argc, char **Argv) {
  long Threads = 0, Items = 20'000'000;
  if (const char *Env = std::getenv("RACELAB_THREADS"); Env && !(Threads = positive(Env, 1024)))
    usage(Argv[0]);
  for (int I = 1; I < Argc; I += 2) {
    std::string_view Flag = Argv[I];
    long Value = I + 1 < Argc ? positive(Argv[I + 1], 1'000'000'000) : 0;
    if (Flag == "--threads" && Value > 0 && Value <= 1024)
      Threads = Value;
    else if (Flag == "--items" && Value > 0)
      Items = Value;
    else
      usage(Argv[0]);
  }
  if (Threads == 0)
    Threads = std::max(1u, std::thread::hardware_concurrency());

  // The input: account numbers from a fixed-seed xorshift64 generator.
  std::vector<uint64_t> Accounts(Items);
  uint64_t State = 0x9E3779B97F4A7C15u;
  for (uint64_t &A : Accounts) {
    State ^= State << 13, State ^= State >> 7, State ^= State << 17;
    A = State;
  }

  // 1. Chunk: Items / Threads numbers each; the first Items % Threads chunks
  // take one more, so every number is in exactly one chunk.
  std::vector<Histogram> Partial(Threads); // one private histogram per thread
  std::vector<std::thread> Workers;
  long Begin = 0;
  for (long T = 0; T < Threads; ++T) {
    long End = Begin + Items / Threads + (T < Items % Threads ? 1 : 0);
    // 2. Run in parallel: count into a local histogram, publish it once.
    Workers.emplace_back([&Accounts, &Partial, T, Begin, End] {
      Histogram Mine{};
      for (long I = Begin; I < End; ++I)
        ++Mine[digitSum(Accounts[I])];
      Partial[T] = Mine;
    });
    Begin = End;
  }
  for (std::thread &W : Workers)
    W.join(); // after this, every Partial[T] is complete and visible to main

  // 3. Reassemble: merge the partial histograms.
  Histogram Counts{};
  for (const Histogram &P : Partial)
    for (size_t Sum = 0; Sum < Counts.size(); ++Sum)
      Counts[Sum] += P[Sum];

  long Total = 0;
  for (size_t Sum = 0; Sum < Counts.size(); ++Sum)
    Total += long(Sum) * Counts[Sum];
  size_t Top = std::max_element(Counts.begin(), Counts.end()) - Counts.begin();
  std::printf("accounts: %ld\ntotal of digit sums: %ld\nmost common digit sum: %zu (%ld accounts)\n",
              Items, Total, Top, Counts[Top]);
}
