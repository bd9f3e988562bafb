// Telemetry buffer: a sampler appends readings under the buffer mutex, and a
// calibrator rescales the reference reading at index 0 "in place, since it
// never moves". Races: push_back may reallocate and copy Samples while the
// calibrator reads and writes Samples[0] without the lock.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct Telemetry {
  std::mutex M;
  std::vector<double> Samples;
};

void sampler(Telemetry &T) {
  for (int I = 0; I < 2000; ++I) {
    double Reading = 20.0 + (I % 13) * 0.1;
    std::lock_guard<std::mutex> Lock(T.M);
    T.Samples.push_back(Reading); // expect-race: Samples
  }
}

void calibrator(Telemetry &T) {
  for (int Round = 0; Round < 400; ++Round) {
    // the reference sample is only ever touched here
    T.Samples[0] = T.Samples[0] * 0.999 + 0.02; // expect-race: Samples
    std::this_thread::yield();
  }
}

double average(Telemetry &T) {
  std::lock_guard<std::mutex> Lock(T.M);
  double Sum = 0;
  for (double S : T.Samples)
    Sum += S;
  return Sum / T.Samples.size();
}

int main() {
  Telemetry T;
  T.Samples.push_back(21.5); // reference reading
  std::thread S(sampler, std::ref(T));
  std::thread C(calibrator, std::ref(T));
  S.join();
  C.join();
  std::printf("%zu samples, reference %.3f, average %.3f\n", T.Samples.size(),
              T.Samples[0], average(T));
  return 0;
}
