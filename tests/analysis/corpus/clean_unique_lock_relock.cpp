// A job dispatcher that releases its unique_lock while running a job on
// local data and re-locks before touching the shared counters again.
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Job {
  std::string Name;
  int Cost;
};

class Dispatcher {
public:
  void add(Job J) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Queue.push_back(std::move(J));
    ++Pending;
  }

  bool runOne() {
    std::unique_lock<std::mutex> Lock(Mutex);
    if (Queue.empty())
      return false;
    Job J = std::move(Queue.front());
    Queue.pop_front();
    Lock.unlock();

    long Result = execute(J);

    Lock.lock();
    --Pending;
    Checksum ^= Result;
    return true;
  }

  int pending() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Pending;
  }

  long checksum() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Checksum;
  }

private:
  static long execute(const Job &J) {
    long X = 0;
    for (int I = 0; I < J.Cost * 1000; ++I)
      X += I ^ J.Cost;
    return X;
  }

  std::mutex Mutex;
  std::deque<Job> Queue;
  int Pending = 0;
  long Checksum = 0;
};

int main() {
  Dispatcher D;
  for (int I = 0; I < 100; ++I)
    D.add({"job" + std::to_string(I), I % 7 + 1});
  std::vector<std::thread> Runners;
  for (int R = 0; R < 3; ++R)
    Runners.emplace_back([&D] {
      while (D.runOne()) {
      }
    });
  std::thread Monitor([&D] {
    for (int I = 0; I < 20; ++I)
      std::printf("pending: %d\n", D.pending());
  });
  Monitor.join();
  for (auto &R : Runners)
    R.join();
  std::printf("left: %d, checksum %ld\n", D.pending(), D.checksum());
}
