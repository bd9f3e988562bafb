// Two event loops, each on its own thread, schedule and fire timers. Each loop
// guards its own timer table with its own mutex.
// Races: the timer id counter NextTimerId is a static member, shared by all
// loops, but it is only protected by the per-instance mutex.
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

class EventLoop {
public:
  int schedule(long When, std::function<void()> Fn) {
    std::lock_guard<std::mutex> Lock(M);
    int Id = NextTimerId++; // expect-race: NextTimerId
    Timers.emplace(When, Timer{Id, std::move(Fn)});
    return Id;
  }

  int runUntil(long Now) {
    int Fired = 0;
    for (;;) {
      Timer T;
      {
        std::lock_guard<std::mutex> Lock(M);
        auto It = Timers.begin();
        if (It == Timers.end() || It->first > Now)
          break;
        T = std::move(It->second);
        Timers.erase(It);
      }
      T.Fn();
      ++Fired;
    }
    return Fired;
  }

private:
  struct Timer {
    int Id = 0;
    std::function<void()> Fn;
  };
  std::mutex M;
  std::multimap<long, Timer> Timers;
  static int NextTimerId;
};

int EventLoop::NextTimerId = 1;

void runLoop(EventLoop &Loop, int Name, int &Ticks) {
  int Fired = 0;
  for (long Now = 0; Now < 100; ++Now) {
    Loop.schedule(Now + 3, [&Ticks] { ++Ticks; });
    Fired += Loop.runUntil(Now);
  }
  Fired += Loop.runUntil(1000);
  std::printf("loop %d fired %d timers\n", Name, Fired);
}

int main() {
  EventLoop UiLoop, NetLoop;
  int UiTicks = 0, NetTicks = 0;
  std::thread Ui(runLoop, std::ref(UiLoop), 1, std::ref(UiTicks));
  std::thread Net(runLoop, std::ref(NetLoop), 2, std::ref(NetTicks));
  Ui.join();
  Net.join();
  std::printf("ticks %d %d\n", UiTicks, NetTicks);
  return 0;
}
