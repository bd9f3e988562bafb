// Double-checked locking done right: the instance pointer is a
// std::atomic, published with release under the init mutex and read with
// acquire on the fast path.
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class MetricsRegistry {
public:
  static MetricsRegistry &get() {
    MetricsRegistry *P = Instance.load(std::memory_order_acquire);
    if (P == nullptr) {
      std::lock_guard<std::mutex> Lock(InitMutex);
      P = Instance.load(std::memory_order_relaxed);
      if (P == nullptr) {
        P = new MetricsRegistry();
        Instance.store(P, std::memory_order_release);
      }
    }
    return *P;
  }

  void add(const std::string &Name, long Delta) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Counters[Name] += Delta;
  }

  long value(const std::string &Name) {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Counters[Name];
  }

private:
  MetricsRegistry() = default;
  static std::atomic<MetricsRegistry *> Instance;
  static std::mutex InitMutex;
  std::mutex Mutex;
  std::map<std::string, long> Counters;
};

std::atomic<MetricsRegistry *> MetricsRegistry::Instance{nullptr};
std::mutex MetricsRegistry::InitMutex;

int main() {
  std::vector<std::thread> Handlers;
  for (int Id = 0; Id < 6; ++Id)
    Handlers.emplace_back([Id] {
      for (int I = 0; I < 100; ++I)
        MetricsRegistry::get().add(Id % 2 ? "odd" : "even", 1);
    });
  for (auto &H : Handlers)
    H.join();
  std::printf("odd=%ld even=%ld\n", MetricsRegistry::get().value("odd"),
              MetricsRegistry::get().value("even"));
}
