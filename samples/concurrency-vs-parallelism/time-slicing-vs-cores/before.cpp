// A number-theory service runs two independent jobs: count the primes in two
// ranges of --items N numbers each. Both jobs are in progress at the same
// time, but on ONE thread of execution: a small round-robin scheduler runs a
// job for one slice (SliceSize numbers), puts it at the back of the ready
// queue and switches to the next job. That is concurrency without
// parallelism: the jobs interleave, yet only one core ever works, so this
// takes as long as running the jobs one after the other.
//
// Usage: before [--items N] [--threads N]
//   --items N    numbers each job checks (default 200000)
//   --threads N  accepted so both programs take the same command line; the
//                scheduler is one thread whatever N is (that is the point)
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string_view>

constexpr unsigned Base = 1'000'000'000; // high ranges: both jobs cost the same
constexpr unsigned SliceSize = 1000;     // numbers per time slice

bool isPrime(unsigned N) {
  if (N % 2 == 0)
    return N == 2;
  for (unsigned D = 3; D <= N / D; D += 2)
    if (N % D == 0)
      return false;
  return true;
}

// A job remembers where it stopped, so it can be paused and resumed.
struct Job {
  unsigned Next, End;
  unsigned Primes = 0;
};

// Runs one slice of J; returns whether J has work left.
bool runSlice(Job &J) {
  unsigned Stop = J.End - J.Next < SliceSize ? J.End : J.Next + SliceSize;
  for (; J.Next < Stop; ++J.Next)
    J.Primes += isPrime(J.Next);
  return J.Next < J.End;
}

// A positive whole number, or 0 for anything else.
long positive(const char *Text) {
  char *End = nullptr;
  long N = Text ? std::strtol(Text, &End, 10) : 0;
  return (End != Text && *End == '\0' && N > 0 && N <= 100'000'000) ? N : 0;
}

int main(int Argc, char **Argv) {
  long Items = 200'000, Threads = 1;
  bool Ok = true;
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

  // The scheduler: take the first ready job, give it one slice, and if it is
  // not finished put it at the back. The jobs take turns on this one thread.
  std::deque<Job *> Ready = {&Jobs[0], &Jobs[1]};
  while (!Ready.empty()) {
    Job *J = Ready.front();
    Ready.pop_front();
    if (runSlice(*J))
      Ready.push_back(J);
  }

  for (int I = 0; I < 2; ++I)
    std::printf("job %d: %u primes in [%u, %u)\n", I + 1, Jobs[I].Primes,
                Jobs[I].End - N, Jobs[I].End);
  std::printf("total: %u primes\n", Jobs[0].Primes + Jobs[1].Primes);
}
