// A timer service runs registered callbacks on its own thread every tick.
// Callbacks may be registered at any time from the main thread; the vector
// of callbacks is read by the timer thread and grown by the main thread
// with no lock at all.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

class TimerService {
public:
  using Callback = std::function<void(int)>;

  void start() {
    Thread = std::thread([this] { run(); });
  }

  void stop() {
    Stop = true;
    Thread.join();
  }

  void every(Callback Cb) {
    Callbacks.push_back(std::move(Cb)); // expect-race: Callbacks
  }

private:
  void run() {
    for (int Tick = 0; !Stop; ++Tick) {
      for (auto &Cb : Callbacks) // expect-race: Callbacks
        Cb(Tick);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  std::vector<Callback> Callbacks;
  std::atomic<bool> Stop{false};
  std::thread Thread;
};

int main() {
  TimerService Timers;
  std::atomic<int> Fired{0};
  Timers.every([&Fired](int) { ++Fired; });
  Timers.start();
  for (int I = 0; I < 5; ++I) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    Timers.every([&Fired, I](int Tick) {
      if (Tick % (I + 1) == 0)
        ++Fired;
    });
  }
  Timers.stop();
  std::printf("callbacks fired %d times\n", Fired.load());
}
