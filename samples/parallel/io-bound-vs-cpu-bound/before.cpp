// A price checker, sequential version (the "before" of a performance
// lesson). It runs --tasks tasks one after the other on one thread:
//   --kind io:  fetch a price from a "remote service": the request goes out
//               and the thread blocks in read() on a pipe until the service
//               (a thread that needs 20 ms to answer) writes the reply;
//   --kind cpu: estimate the price locally: a few milliseconds per task,
//               but spent computing instead of waiting.
// It prints how many prices it got and a checksum of them.
//
// usage: before [--threads N] [--tasks N] [--kind io|cpu]
//   --threads  accepted so both versions take the same command line; unused
//              here (default: $RACELAB_THREADS, else the number of cores)
//   --tasks    how many prices to get (default 40)
//   --kind     io (default) or cpu
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <unistd.h>

[[noreturn]] void usage(const char *Prog) {
  std::fprintf(stderr, "usage: %s [--threads N] [--tasks N] [--kind io|cpu]  (N >= 1)\n", Prog);
  std::exit(2);
}

// A whole number from 1 to Max, or 0 if Text is anything else.
long positive(const char *Text, long Max) {
  char *End = nullptr;
  errno = 0;
  long N = Text ? std::strtol(Text, &End, 10) : 0;
  return (Text && End != Text && *End == '\0' && errno == 0 && N > 0 && N <= Max) ? N : 0;
}

// A pseudo-random price for item Id; Rounds sets how long it takes to
// compute (the service's quick lookup, or a long local estimate).
uint64_t price(uint64_t Id, long Rounds) {
  uint64_t X = Id;
  for (long R = 0; R < Rounds; ++R)
    X = (X ^ (X >> 29)) * 0xBF58476D1CE4E5B9u + 1;
  return X % 100000;
}

// IO-bound: ask the service and block until it answers. The 20 ms sleep
// stands for the network and the service's own work; the answer arrives
// through the pipe, so the result never depends on how long the wait is.
uint64_t fetchPrice(uint64_t Id) {
  int Pipe[2];
  if (pipe(Pipe) != 0)
    std::abort();
  std::thread Service([Id, Out = Pipe[1]] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    uint64_t Reply = price(Id, 1000);
    if (write(Out, &Reply, sizeof Reply) != sizeof Reply)
      std::abort();
  });
  uint64_t Reply = 0;
  if (read(Pipe[0], &Reply, sizeof Reply) != sizeof Reply) // waits here
    std::abort();
  Service.join();
  close(Pipe[0]), close(Pipe[1]);
  return Reply;
}

// CPU-bound: about 8 ms of arithmetic per task on the 2-core test machine.
uint64_t estimatePrice(uint64_t Id) { return price(Id, 5'000'000); }

int main(int Argc, char **Argv) {
  long Threads = 0, Tasks = 40;
  bool Io = true;
  if (const char *Env = std::getenv("RACELAB_THREADS"); Env && !(Threads = positive(Env, 1024)))
    usage(Argv[0]);
  for (int I = 1; I < Argc; I += 2) {
    const char *Arg = I + 1 < Argc ? Argv[I + 1] : "";
    std::string_view Flag = Argv[I], Value = Arg;
    long N = positive(Arg, 100000);
    if (Flag == "--threads" && N > 0 && N <= 1024)
      Threads = N;
    else if (Flag == "--tasks" && N > 0)
      Tasks = N;
    else if (Flag == "--kind" && (Value == "io" || Value == "cpu"))
      Io = Value == "io";
    else
      usage(Argv[0]);
  }
  (void)Threads; // the sequential version ignores it

  uint64_t Checksum = 0;
  for (long Id = 0; Id < Tasks; ++Id) // one task after the other
    Checksum += Io ? fetchPrice(Id) : estimatePrice(Id);
  std::printf("%s prices: %ld\nchecksum: %llu\n", Io ? "fetched" : "estimated", Tasks,
              (unsigned long long)Checksum);
}
