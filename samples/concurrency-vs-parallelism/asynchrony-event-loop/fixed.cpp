// The fix: asynchrony. main sends a request to EVERY service first, then runs
// an event loop: poll() waits until any reply pipe has data, main handles that
// reply (records the quote, sends that service its next request) and goes
// back to waiting. The services' latencies now overlap, so the whole run
// takes about --items round trips instead of --items x --threads, even on
// one core: waiting needs no CPU. Replies arrive in any order; each is
// filed under its service, so the printed result is always the same.
//
// Usage: fixed [--threads N] [--items N]
//   --threads N  quote services, one thread each (default: RACELAB_THREADS,
//                else the number of cores)
//   --items N    quotes asked from each service (default 100)
#include <poll.h>
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
  std::vector<pollfd> Waiting(Threads); // the reply pipes the loop waits on
  for (unsigned S = 0; S < Services.size(); ++S) {
    int Request[2], Reply[2];
    if (pipe(Request) != 0 || pipe(Reply) != 0)
      return 1;
    Services[S].RequestFd = Request[1];
    Services[S].ReplyFd = Reply[0];
    Services[S].Thread = std::thread(serve, S, Request[0], Reply[1]);
    Waiting[S] = {Reply[0], POLLIN, 0};
  }

  // Start all the work at once: one request in flight per service.
  for (Service &Svc : Services)
    sendNumber(Svc.RequestFd, 0);

  // The event loop: handle whichever replies have arrived, in any order.
  for (long Open = Threads; Open > 0;) {
    if (poll(Waiting.data(), Waiting.size(), -1) < 0)
      return 1;
    for (unsigned S = 0; S < Services.size(); ++S) {
      if (!(Waiting[S].revents & POLLIN))
        continue;
      Service &Svc = Services[S];
      Svc.Sum += receiveNumber(Svc.ReplyFd);
      if (++Svc.Received < Items) { // ask this service for its next quote
        sendNumber(Svc.RequestFd, Svc.Received);
      } else { // done with this service: stop waiting on it
        Waiting[S].fd = -1;
        --Open;
      }
    }
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
