// Classic double-checked locking with a plain pointer: the first check reads
// Instance without the lock while another thread may be assigning it under
// the lock.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class MetricsRegistry {
public:
  static MetricsRegistry &get() {
    if (Instance == nullptr) { // expect-race: Instance unlocked first check
      std::lock_guard<std::mutex> Lock(InitMutex);
      if (Instance == nullptr)
        Instance = new MetricsRegistry(); // expect-race: Instance, expect-race: Counters constructed
    }
    return *Instance; // expect-race: Instance
  }

  void add(const std::string &Name, long Delta) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Counters[Name] += Delta; // expect-race: Counters used by a thread that skipped the lock
  }

  long value(const std::string &Name) {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Counters[Name];
  }

private:
  MetricsRegistry() = default;

  static MetricsRegistry *Instance;
  static std::mutex InitMutex;
  std::mutex Mutex;
  std::map<std::string, long> Counters;
};

MetricsRegistry *MetricsRegistry::Instance = nullptr;
std::mutex MetricsRegistry::InitMutex;

void handler(int Id) {
  for (int I = 0; I < 100; ++I)
    MetricsRegistry::get().add(Id % 2 ? "odd" : "even", 1);
}

int main() {
  std::vector<std::thread> Handlers;
  for (int Id = 0; Id < 6; ++Id)
    Handlers.emplace_back(handler, Id);
  for (auto &H : Handlers)
    H.join();
  std::printf("odd=%ld even=%ld\n", MetricsRegistry::get().value("odd"),
              MetricsRegistry::get().value("even"));
}
