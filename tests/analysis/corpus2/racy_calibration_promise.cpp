// Sensor calibration: a sampler fills a buffer and signals through a
// promise once the warm-up batch is in; the calibrator then computes the
// offset while the sampler keeps appending.
#include <cmath>
#include <cstdio>
#include <future>
#include <numeric>
#include <thread>
#include <vector>

static double readSensor(int Tick) {
  return 0.25 + 0.01 * std::sin(Tick * 0.37);
}

class Calibrator {
public:
  double offsetFrom(const std::vector<double> &Samples) const {
    double Sum = std::accumulate(Samples.begin(), Samples.end(), 0.0); // expect-race: Samples
    return Sum / double(Samples.size()) - Reference; // expect-race: Samples
  }

private:
  double Reference = 0.25;
};

int main() {
  std::vector<double> Samples;
  Samples.reserve(64);
  std::promise<void> WarmUpDone;
  std::future<void> WarmUp = WarmUpDone.get_future();

  std::jthread Sampler([&Samples, &WarmUpDone] {
    for (int Tick = 0; Tick < 100; ++Tick)
      Samples.push_back(readSensor(Tick));
    WarmUpDone.set_value();
    for (int Tick = 100; Tick < 5000; ++Tick)
      Samples.push_back(readSensor(Tick)); // expect-race: Samples
  });

  WarmUp.wait();
  Calibrator C;
  double Offset = C.offsetFrom(Samples);
  std::printf("offset after warm-up: %+.5f\n", Offset);
  return 0;
}
