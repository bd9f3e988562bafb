// Single-slot mailbox between a sensor thread and a control thread. The
// payload is plain data; ownership of the slot passes back and forth through
// an atomic flag stored with release and loaded with acquire.
#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>

struct Reading {
  double Temperature;
  double Pressure;
  unsigned Sequence;
};

class Mailbox {
public:
  void put(const Reading &R) {
    while (Full.load(std::memory_order_acquire))
      std::this_thread::yield();
    Slot = R;
    Full.store(true, std::memory_order_release);
  }

  Reading take() {
    while (!Full.load(std::memory_order_acquire))
      std::this_thread::yield();
    Reading R = Slot;
    Full.store(false, std::memory_order_release);
    return R;
  }

private:
  Reading Slot{};
  std::atomic<bool> Full{false};
};

int main() {
  Mailbox Box;
  std::thread Sensor([&Box] {
    for (unsigned Seq = 1; Seq <= 5; ++Seq)
      Box.put({20.0 + std::sin(Seq), 1013.0 + Seq, Seq});
  });
  std::thread Control([&Box] {
    for (int I = 0; I < 5; ++I) {
      Reading R = Box.take();
      std::printf("#%u: %.2f C, %.1f hPa\n", R.Sequence, R.Temperature,
                  R.Pressure);
    }
  });
  Sensor.join();
  Control.join();
}
