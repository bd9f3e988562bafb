// A price aggregator asks several quote services (each a thread behind a
// pair of pipes that stands in for a remote server, 1 ms away) for --items
// quotes each and sums them. It asks synchronously: send a request, block on
// read() until the reply is back, then the next request. Every round trip is
// waited out on its own, one after another: the run takes --items x
// --threads round trips, although the CPU is idle nearly all the time.
//
// Usage: before [--threads N] [--items N]
//   --threads N  quote services, one thread each (default: RACELAB_THREADS,
//                else the number of cores)
//   --items N    quotes asked from each service (default 100)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

constexpr auto Latency = std::chrono::milliseconds(1); // one simulated round trip

// One number through a pipe; a broken pipe ends the program.
void sendNumber(int Fd, unsigned Value) {
  if (write(Fd, &Value, sizeof Value) != sizeof Value)
    std::exit(1);
}
unsigned receiveNumber(int Fd) {
  unsigned Value;
  if (read(Fd, &Value, sizeof Value) != sizeof Value)
    std::exit(1);
  return Value;
}

// A remote quote service, simulated by a thread: it reads request numbers
// from its request pipe and, after the latency, writes a quote back.
void serve(unsigned Id, int RequestFd, int ReplyFd) {
  unsigned Request;
  while (read(RequestFd, &Request, sizeof Request) == sizeof Request) {
    std::this_thread::sleep_for(Latency); // the network, not a synchronisation
    sendNumber(ReplyFd, 1000 * (Id + 1) + Request * Request % 97);
  }
  close(ReplyFd);
}

struct Service {
  int RequestFd, ReplyFd; // main's ends of the two pipes
  std::thread Thread;
  unsigned Received = 0;
  unsigned long Sum = 0;
};

long positive(const char *Text) { // a positive whole number, or 0
  char *End = nullptr;
  long N = Text ? std::strtol(Text, &End, 10) : 0;
  return (End != Text && *End == '\0' && N > 0 && N <= 100'000) ? N : 0;
}

int main(int Argc, char **Argv) {
  const char *Env = std::getenv("RACELAB_THREADS");
  long Items = 100;
  long Threads = Env ? positive(Env) : std::max(1u, std::thread::hardware_concurrency());
  bool Ok = Threads > 0; // a bad RACELAB_THREADS is a bad argument too
  for (int I = 1; Ok && I < Argc; I += 2) {
    std::string_view Flag = Argv[I];
    long *Slot = Flag == "--items" ? &Items : Flag == "--threads" ? &Threads : nullptr;
    Ok = Slot && (*Slot = positive(I + 1 < Argc ? Argv[I + 1] : nullptr)) > 0;
  }
  if (!Ok) {
    std::fprintf(stderr, "usage: %s [--threads N] [--items N]\n", Argv[0]);
    return 2;
  }

  std::vector<Service> Services(Threads);
  for (unsigned S = 0; S < Services.size(); ++S) {
    int Request[2], Reply[2];
    if (pipe(Request) != 0 || pipe(Reply) != 0)
      return 1;
    Services[S].RequestFd = Request[1];
    Services[S].ReplyFd = Reply[0];
    Services[S].Thread = std::thread(serve, S, Request[0], Reply[1]);
  }

  // Synchronous: one request at a time, and main blocks until its reply is
  // back. While one service works, the others sit idle, and so does main.
  for (unsigned Item = 0; Item < Items; ++Item)
    for (Service &Svc : Services) {
      sendNumber(Svc.RequestFd, Item);
      Svc.Sum += receiveNumber(Svc.ReplyFd); // blocks for a whole round trip
      ++Svc.Received;
    }

  unsigned long Total = 0;
  for (unsigned S = 0; S < Services.size(); ++S) {
    close(Services[S].RequestFd); // end of requests: the service returns
    Services[S].Thread.join();
    close(Services[S].ReplyFd);
    std::printf("service %u: %u quotes, sum %lu\n", S + 1, Services[S].Received,
                Services[S].Sum);
    Total += Services[S].Sum;
  }
  std::printf("all services: sum %lu\n", Total);
}
