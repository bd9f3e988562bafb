// Account-number audit, sequential version (the "before" of a performance
// lesson). Generates --items pseudo-random account numbers from a fixed seed
// and builds a histogram of their decimal digit sums, on one thread, one
// number after the other. Correct, but it uses one core of the machine.
//
// usage: before [--threads N] [--items N]
//   --threads  accepted so both versions take the same command line; unused
//              here (default: $RACELAB_THREADS, else the number of cores)
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
  (void)Threads; // the sequential version ignores it

  // The input: account numbers from a fixed-seed xorshift64 generator.
  std::vector<uint64_t> Accounts(Items);
  uint64_t State = 0x9E3779B97F4A7C15u;
  for (uint64_t &A : Accounts) {
    State ^= State << 13, State ^= State >> 7, State ^= State << 17;
    A = State;
  }

  Histogram Counts{};
  for (uint64_t A : Accounts)
    ++Counts[digitSum(A)];

  long Total = 0;
  for (size_t Sum = 0; Sum < Counts.size(); ++Sum)
    Total += long(Sum) * Counts[Sum];
  size_t Top = std::max_element(Counts.begin(), Counts.end()) - Counts.begin();
  std::printf("accounts: %ld\ntotal of digit sums: %ld\nmost common digit sum: %zu (%ld accounts)\n",
              Items, Total, Top, Counts[Top]);
}
