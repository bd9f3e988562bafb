// Sliding-window rate limiter for an API gateway: per-client request
// timestamps in a map, all under one mutex. A janitor object owns a thread
// that evicts idle clients and is stopped through a condition variable.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

using Clock = std::chrono::steady_clock;

class SlidingWindowLimiter {
public:
  SlidingWindowLimiter(size_t Limit, Clock::duration Window) : Limit(Limit), Window(Window) {}

  bool allow(const std::string &Client, Clock::time_point Now) {
    std::lock_guard<std::mutex> Lock(Mutex);
    std::deque<Clock::time_point> &Hits = History[Client];
    while (!Hits.empty() && Now - Hits.front() > Window)
      Hits.pop_front();
    if (Hits.size() >= Limit) {
      ++Rejected;
      return false;
    }
    Hits.push_back(Now);
    return true;
  }

  void evictIdle(Clock::time_point Now) {
    std::lock_guard<std::mutex> Lock(Mutex);
    for (auto It = History.begin(); It != History.end();) {
      if (It->second.empty() || Now - It->second.back() > Window)
        It = History.erase(It);
      else
        ++It;
    }
  }

  long rejected() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Rejected;
  }

private:
  const size_t Limit;
  const Clock::duration Window;
  std::mutex Mutex;
  std::unordered_map<std::string, std::deque<Clock::time_point>> History;
  long Rejected = 0;
};

class Janitor {
public:
  explicit Janitor(SlidingWindowLimiter &Limiter)
      : Limiter(Limiter), Thread(&Janitor::run, this) {}

  ~Janitor() {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Stop = true;
    }
    Wake.notify_one();
    Thread.join();
  }

private:
  void run() {
    std::unique_lock<std::mutex> Lock(Mutex);
    while (!Wake.wait_for(Lock, std::chrono::milliseconds(2), [this] { return Stop; })) {
      Lock.unlock();
      Limiter.evictIdle(Clock::now());
      Lock.lock();
    }
  }

  SlidingWindowLimiter &Limiter;
  std::mutex Mutex;
  std::condition_variable Wake;
  bool Stop = false;
  std::thread Thread;
};

int main() {
  SlidingWindowLimiter Limiter(50, std::chrono::milliseconds(10));
  std::atomic<long> Allowed{0};
  {
    Janitor Cleanup(Limiter);
    std::vector<std::thread> Clients;
    for (int I = 0; I < 4; ++I)
      Clients.emplace_back([&Limiter, &Allowed, Id = "client-" + std::to_string(I % 2)] {
        long Mine = 0;
        for (int R = 0; R < 5000; ++R)
          Mine += Limiter.allow(Id, Clock::now());
        Allowed += Mine;
      });
    for (std::thread &C : Clients)
      C.join();
  }
  std::printf("allowed %ld, rejected %ld\n", Allowed.load(), Limiter.rejected());
}
