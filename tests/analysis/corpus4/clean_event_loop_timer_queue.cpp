// Event loop: other threads post timers, the loop thread fires them in
// deadline order until stopped. Correct: the timer queue is only touched under
// the loop mutex, the fired count only by the loop thread (read after join),
// and the stop request is an atomic.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

using Clock = std::chrono::steady_clock;

struct Timer {
  Clock::time_point Due;
  int Id;
  bool operator>(const Timer &O) const { return Due > O.Due; }
};

class EventLoop {
public:
  void addTimer(int Id, std::chrono::microseconds Delay) {
    std::lock_guard<std::mutex> Lock(M);
    Pending.push(Timer{Clock::now() + Delay, Id});
  }
  void stop() { StopRequested.store(true); }

  void run() {
    while (!StopRequested.load()) {
      fireDue();
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    fireDue();
  }
  int fired() const { return Fired; } // read after the loop thread is joined

private:
  void fireDue() {
    for (;;) {
      Timer T;
      {
        std::lock_guard<std::mutex> Lock(M);
        if (Pending.empty() || Pending.top().Due > Clock::now())
          return;
        T = Pending.top();
        Pending.pop();
      }
      ++Fired; // only the loop thread runs timers
    }
  }

  std::mutex M;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> Pending;
  std::atomic<bool> StopRequested{false};
  int Fired = 0;
};

int main() {
  EventLoop Loop;
  std::thread LoopThread(&EventLoop::run, &Loop);
  std::vector<std::thread> Posters;
  for (int P = 0; P < 2; ++P)
    Posters.emplace_back([&Loop, P] {
      for (int I = 0; I < 25; ++I)
        Loop.addTimer(P * 100 + I, std::chrono::microseconds(I * 40));
    });
  for (auto &T : Posters)
    T.join();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  Loop.stop();
  LoopThread.join();
  std::printf("fired %d timers\n", Loop.fired());
  return 0;
}
