// Telemetry hand-off between an acquisition thread and a logging thread
// through a one-slot mailbox. The flag is atomic, but only relaxed.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <thread>

struct Frame {
  uint64_t Seq;
  double Temperature;
  double Pressure;
  char Tag[16];
};

static Frame Latest;
static std::atomic<bool> FrameReady{false};

static Frame measure(uint64_t Seq) {
  Frame F{};
  F.Seq = Seq;
  F.Temperature = 21.5 + double(Seq % 10) * 0.1;
  F.Pressure = 1013.0 - double(Seq % 7);
  std::snprintf(F.Tag, sizeof F.Tag, "probe-%llu", (unsigned long long)(Seq % 4));
  return F;
}

static void acquisition(uint64_t Count) {
  for (uint64_t Seq = 1; Seq <= Count; ++Seq) {
    while (FrameReady.load(std::memory_order_relaxed))
      std::this_thread::yield();
    Latest = measure(Seq); // expect-race: Latest
    FrameReady.store(true, std::memory_order_relaxed);
  }
}

static void logging(uint64_t Count, double &MaxTemp) {
  for (uint64_t N = 0; N < Count; ++N) {
    while (!FrameReady.load(std::memory_order_relaxed))
      std::this_thread::yield();
    Frame Copy = Latest; // expect-race: Latest
    FrameReady.store(false, std::memory_order_relaxed);
    if (Copy.Temperature > MaxTemp)
      MaxTemp = Copy.Temperature;
    if (Copy.Seq % 1000 == 0)
      std::printf("%s #%llu %.1fC %.1fhPa\n", Copy.Tag,
                  (unsigned long long)Copy.Seq, Copy.Temperature, Copy.Pressure);
  }
}

int main() {
  const uint64_t Count = 5000;
  double MaxTemp = -273.0;
  std::thread Producer(acquisition, Count);
  std::thread Consumer(logging, Count, std::ref(MaxTemp));
  Producer.join();
  Consumer.join();
  std::printf("max temperature %.1f\n", MaxTemp);
  return 0;
}
