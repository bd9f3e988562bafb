// Metrics exporter: request threads record latencies under a timed mutex;
// an exporter thread flushes a snapshot only if it gets the lock quickly,
// and otherwise skips that round. A trace buffer uses a spin on try_lock.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

class LatencyHistogram {
public:
  void record(int Micros) {
    std::lock_guard<std::timed_mutex> L(M);
    Buckets[std::min(Micros / 100, 9)]++;
    ++Count;
  }

  bool tryExport(int Round) {
    std::unique_lock<std::timed_mutex> L(M, std::defer_lock);
    if (!L.try_lock_for(std::chrono::microseconds(50)))
      return false;
    std::printf("round %d: %ld samples, p0-100us=%ld\n", Round, Count, Buckets[0]);
    return true;
  }

  long count() {
    std::lock_guard<std::timed_mutex> L(M);
    return Count;
  }

private:
  std::timed_mutex M;
  long Buckets[10] = {};
  long Count = 0;
};

class TraceBuffer {
public:
  void append(int Event) {
    while (!M.try_lock())
      std::this_thread::yield();
    Events.push_back(Event);
    M.unlock();
  }
  size_t size() {
    std::lock_guard<std::mutex> L(M);
    return Events.size();
  }

private:
  std::mutex M;
  std::vector<int> Events;
};

int main() {
  LatencyHistogram Hist;
  TraceBuffer Trace;
  std::vector<std::thread> Requests;
  for (int T = 0; T < 3; ++T)
    Requests.emplace_back([&Hist, &Trace, T] {
      for (int I = 0; I < 3000; ++I) {
        Hist.record((I * 37 + T * 11) % 1200);
        if (I % 100 == 0)
          Trace.append(T * 100000 + I);
      }
    });
  std::thread Exporter([&Hist] {
    int Skipped = 0;
    for (int Round = 0; Round < 50; ++Round)
      if (!Hist.tryExport(Round))
        ++Skipped;
    std::printf("skipped %d export rounds\n", Skipped);
  });
  for (auto &R : Requests)
    R.join();
  Exporter.join();
  std::printf("%ld samples, %zu trace events\n", Hist.count(), Trace.size());
  return 0;
}
