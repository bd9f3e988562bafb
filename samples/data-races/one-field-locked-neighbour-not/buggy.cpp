// A small web server keeps two statistics side by side: how many requests it
// served and how many bytes it sent. A worker thread records every request;
// a status-page thread shows a snapshot of both numbers.
// The bug: the mutex was added when the struct only had Requests. BytesSent
// was added later, and its update was written after the locked block. The
// status page reads BytesSent under the mutex, the worker writes it without:
// a lock only protects data when *every* access takes it.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

constexpr int RequestsToServe = 1000;
constexpr long PageBytes = 512; // the server has one page: index.html

struct ServerStats {
  std::mutex M;
  long Requests = 0;
  long BytesSent = 0; // added later, next to Requests
};

ServerStats Stats;

void recordRequest(long Bytes) {
  {
    std::lock_guard<std::mutex> Lock(Stats.M);
    Stats.Requests++;
  }
  Stats.BytesSent += Bytes; // expect-race: BytesSent written without Stats.M
}

struct Snapshot {
  long Requests;
  long BytesSent;
};

Snapshot snapshot() {
  std::lock_guard<std::mutex> Lock(Stats.M);
  return {Stats.Requests, Stats.BytesSent}; // expect-race: BytesSent read under Stats.M
}

// Forces the overlap (see README.md): the status page is shown while the
// worker is halfway through its requests.
racelab::HiddenGate HalfServed;

int main() {
  std::thread Worker([] {
    for (int I = 1; I <= RequestsToServe; ++I) {
      recordRequest(PageBytes);
      if (I == RequestsToServe / 2)
        HalfServed.open();
    }
  });
  Snapshot Seen{};
  std::thread StatusPage([&Seen] {
    HalfServed.wait();
    Seen = snapshot();
  });
  Worker.join();
  StatusPage.join();
  // Every request sends PageBytes, so a consistent snapshot has
  // BytesSent == Requests * PageBytes.
  std::printf("status page consistent: %s\n",
              Seen.BytesSent == Seen.Requests * PageBytes ? "yes" : "no");
  std::printf("served %ld requests, %ld bytes\n", Stats.Requests,
              Stats.BytesSent);
}
