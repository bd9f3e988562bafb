// A sensor thread fills a reading and raises an atomic flag; the control
// thread waits for the flag and consumes the reading. The flag itself is
// atomic, but it is stored and loaded with memory_order_relaxed, which does
// not order the plain payload writes with the reads.
#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>

struct Reading {
  double Temperature;
  double Pressure;
  unsigned Sequence;
};

Reading Latest;
std::atomic<bool> HaveReading{false};

void sensorThread() {
  for (unsigned Seq = 1; Seq <= 3; ++Seq) {
    while (HaveReading.load(std::memory_order_relaxed))
      ;
    Latest.Temperature = 20.0 + std::sin(Seq); // expect-race: Temperature
    Latest.Pressure = 1013.0 + Seq; // expect-race: Pressure
    Latest.Sequence = Seq; // expect-race: Sequence
    HaveReading.store(true, std::memory_order_relaxed);
  }
}

void controlThread() {
  for (int I = 0; I < 3; ++I) {
    while (!HaveReading.load(std::memory_order_relaxed))
      ;
    std::printf("#%u: %.2f C, %.1f hPa\n",
                Latest.Sequence, // expect-race: Sequence
                Latest.Temperature, // expect-race: Temperature
                Latest.Pressure); // expect-race: Pressure
    HaveReading.store(false, std::memory_order_relaxed);
  }
}

int main() {
  std::thread Sensor(sensorThread);
  std::thread Control(controlThread);
  Sensor.join();
  Control.join();
}
