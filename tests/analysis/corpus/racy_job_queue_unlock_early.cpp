// A job dispatcher pops work under a unique_lock, then unlocks to run the
// job. The author also decrements the pending count after unlock(), which
// puts that write outside the critical section.
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
    ++Pending; // expect-race: Pending
  }

  bool runOne() {
    std::unique_lock<std::mutex> Lock(Mutex);
    if (Queue.empty())
      return false;
    Job J = std::move(Queue.front());
    Queue.pop_front();
    Lock.unlock();

    execute(J);
    --Pending; // expect-race: Pending decremented after unlock()
    return true;
  }

  int pending() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Pending; // expect-race: Pending
  }

private:
  static void execute(const Job &J) {
    volatile long X = 0;
    for (int I = 0; I < J.Cost * 1000; ++I)
      X = X + I;
  }

  std::mutex Mutex;
  std::deque<Job> Queue;
  int Pending = 0;
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
  std::thread Producer([&D] {
    for (int I = 100; I < 150; ++I)
      D.add({"late" + std::to_string(I), 2});
  });
  std::thread Monitor([&D] {
    for (int I = 0; I < 20; ++I)
      std::printf("pending: %d\n", D.pending());
  });

  Producer.join();
  Monitor.join();
  for (auto &R : Runners)
    R.join();
  std::printf("left: %d\n", D.pending());
}
