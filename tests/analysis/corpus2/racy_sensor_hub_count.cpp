// Sensor aggregation: one thread per sensor records readings into a hub;
// the main thread waits until enough readings arrived, then averages them.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Reading {
  int SensorId;
  double Value;
};

class SensorHub {
public:
  void record(int SensorId, double Value) {
    std::lock_guard<std::mutex> L(M);
    Readings.push_back({SensorId, Value}); // expect-race: Readings
  }

  // Cheap progress check, "no lock needed for a size".
  size_t count() const { return Readings.size(); } // expect-race: Readings

  double average(int SensorId) const {
    std::lock_guard<std::mutex> L(M);
    double Sum = 0;
    int N = 0;
    for (const Reading &R : Readings) {
      if (R.SensorId != SensorId)
        continue;
      Sum += R.Value;
      ++N;
    }
    return N ? Sum / N : 0.0;
  }

private:
  mutable std::mutex M;
  std::vector<Reading> Readings;
};

static double sampleTemperature(int SensorId, int Tick) {
  return 20.0 + SensorId + std::sin(Tick * 0.1) * 0.5;
}

static void runSensor(SensorHub &Hub, int SensorId, int Samples) {
  for (int Tick = 0; Tick < Samples; ++Tick) {
    Hub.record(SensorId, sampleTemperature(SensorId, Tick));
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
}

int main() {
  const int NumSensors = 6;
  const int Samples = 200;
  SensorHub Hub;
  std::vector<std::thread> Sensors;
  for (int S = 0; S < NumSensors; ++S)
    Sensors.emplace_back(runSensor, std::ref(Hub), S, Samples);

  const size_t Target = NumSensors * Samples / 2;
  while (Hub.count() < Target)
    std::this_thread::yield();
  std::printf("half of the readings are in\n");

  for (auto &T : Sensors)
    T.join();
  for (int S = 0; S < NumSensors; ++S)
    std::printf("sensor %d: %.3f\n", S, Hub.average(S));
  return 0;
}
