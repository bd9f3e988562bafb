// The fix: the mutex guards both fields, and recordRequest() updates both
// inside one locked block. The status page, which already read both under
// the mutex, now synchronises with every write it reads, and its snapshot is
// always consistent: it can no longer see a request without its bytes.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

constexpr int RequestsToServe = 1000;
constexpr long PageBytes = 512; // the server has one page: index.html

struct ServerStats {
  std::mutex M; // guards Requests and BytesSent: they change together
  long Requests = 0;
  long BytesSent = 0;
};

ServerStats Stats;

void recordRequest(long Bytes) {
  std::lock_guard<std::mutex> Lock(Stats.M);
  Stats.Requests++;
  Stats.BytesSent += Bytes;
}

struct Snapshot {
  long Requests;
  long BytesSent;
};

Snapshot snapshot() {
  std::lock_guard<std::mutex> Lock(Stats.M);
  return {Stats.Requests, Stats.BytesSent};
}

// The same forced overlap as in buggy.cpp: the fix must hold up under it.
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
