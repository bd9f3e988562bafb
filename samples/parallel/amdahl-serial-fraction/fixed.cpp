// A particle simulation with the serial part reduced. Same particles, same
// checksum as before.cpp, but the preparation is chunked too: every worker
// prepares the particles of its own chunk, then simulates them. This works
// because a particle's initial state depends only on its index (with a
// sequential generator, where state I+1 comes from state I, it would not).
// What remains serial: starting and joining the threads, the final sum.
//
// usage: fixed [--threads N] [--items N]
//   --threads  worker threads (default: $RACELAB_THREADS, else the number of cores)
//   --items    particles (default 4000000)
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

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

// Particle I's initial state depends only on I (a counter-based generator),
// so it could be computed in any order, by any thread.
uint64_t initialState(uint64_t I) {
  uint64_t X = I;
  for (int Round = 0; Round < 40; ++Round) {
    X += 0x9E3779B97F4A7C15u;
    X = (X ^ (X >> 30)) * 0xBF58476D1CE4E5B9u;
  }
  return X;
}

uint64_t simulate(uint64_t State) {
  for (int Step = 0; Step < 80; ++Step)
    State = (State ^ (State >> 27)) * 0x94D049BB133111EBu + 1;
  return State;
}

int main(int Argc, char **Argv) {
  long Threads = 0, Items = 4'000'000;
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

  // Both phases in parallel: one chunk per thread; a thread writes only the
  // particles of its chunk and its own checksum slot.
  std::vector<uint64_t> Particles(Items);
  std::vector<uint64_t> Partial(Threads);
  std::vector<std::thread> Workers;
  long Begin = 0;
  for (long T = 0; T < Threads; ++T) {
    long End = Begin + Items / Threads + (T < Items % Threads ? 1 : 0);
    Workers.emplace_back([&Particles, &Partial, T, Begin, End] {
      for (long I = Begin; I < End; ++I) // phase 1, this chunk
        Particles[I] = initialState(I);
      uint64_t Sum = 0;
      for (long I = Begin; I < End; ++I) // phase 2, this chunk
        Sum += simulate(Particles[I]);
      Partial[T] = Sum;
    });
    Begin = End;
  }
  for (std::thread &W : Workers)
    W.join();

  uint64_t Checksum = 0;
  for (uint64_t S : Partial)
    Checksum += S;
  std::printf("particles: %ld\nchecksum: %016llx\n", Items, (unsigned long long)Checksum);
}
