// The fix: the same two jobs, but each on its own std::thread. The OS puts
// the threads on different cores, so the jobs now run at the same time for
// real: parallelism. Each job writes only its own Job, and main reads the
// results after join(), which orders them after the threads' work.
//
// Usage: fixed [--items N] [--threads N]
//   --items N    numbers each job checks (default 200000)
//   --threads N  worker threads (default: RACELAB_THREADS, else the number of
//                cores); worker T runs jobs T, T+N, ...; with 2 jobs, more
//                than 2 workers would have nothing to do
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

constexpr unsigned Base = 1'000'000'000; // high ranges: both jobs cost the same

bool isPrime(unsigned N) {
  if (N % 2 == 0)
    return N == 2;
  for (unsigned D = 3; D <= N / D; D += 2)
    if (N % D == 0)
      return false;
  return true;
}

struct Job {
  unsigned Next, End;
  unsigned Primes = 0;
};

// No slices any more: a thread runs its job from start to end. It counts
// in a local and stores the count once: the two Jobs sit side by side in
// memory, and two cores writing to one cache line would slow each other down.
void run(Job &J) {
  unsigned Primes = 0;
  for (unsigned N = J.Next; N < J.End; ++N)
    Primes += isPrime(N);
  J.Next = J.End;
  J.Primes = Primes;
}

// A positive whole number, or 0 for anything else.
long positive(const char *Text) {
  char *End = nullptr;
  long N = Text ? std::strtol(Text, &End, 10) : 0;
  return (End != Text && *End == '\0' && N > 0 && N <= 100'000'000) ? N : 0;
}

int main(int Argc, char **Argv) {
  const char *Env = std::getenv("RACELAB_THREADS");
  long Items = 200'000;
  long Threads = Env ? positive(Env) : std::max(1u, std::thread::hardware_concurrency());
  bool Ok = Threads > 0; // a bad RACELAB_THREADS is a bad argument too
  for (int I = 1; Ok && I < Argc; I += 2) {
    std::string_view Flag = Argv[I];
    long *Slot = Flag == "--items" ? &Items : Flag == "--threads" ? &Threads : nullptr;
    Ok = Slot && (*Slot = positive(I + 1 < Argc ? Argv[I + 1] : nullptr)) > 0;
  }
  if (!Ok) {
    std::fprintf(stderr, "usage: %s [--items N] [--threads N]\n", Argv[0]);
    return 2;
  }
  unsigned N = Items;
  Job Jobs[2] = {{Base, Base + N}, {Base + N, Base + 2 * N}};

  std::vector<std::thread> Workers;
  for (long T = 0; T < std::min(Threads, 2L); ++T)
    Workers.emplace_back([&Jobs, T, Threads] {
      for (long J = T; J < 2; J += Threads)
        run(Jobs[J]);
    });
  for (std::thread &W : Workers)
    W.join();

  for (int I = 0; I < 2; ++I)
    std::printf("job %d: %u primes in [%u, %u)\n", I + 1, Jobs[I].Primes,
                Jobs[I].End - N, Jobs[I].End);
  std::printf("total: %u primes\n", Jobs[0].Primes + Jobs[1].Primes);
}
