// Hot configuration reload done right: the current Config is immutable and
// held by a shared_ptr that is only read or replaced under a mutex; request
// threads take a snapshot once per batch and use it without any lock.
#include <chrono>
#include <cstdio>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

struct Config {
  int MaxConnections;
  int TimeoutMs;
  std::string UpstreamHost;
};

class ConfigStore {
public:
  explicit ConfigStore(std::shared_ptr<const Config> Initial) : Current(std::move(Initial)) {}

  std::shared_ptr<const Config> snapshot() const {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Current;
  }

  void replace(std::shared_ptr<const Config> Next) {
    std::shared_ptr<const Config> Old;
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Old = std::exchange(Current, std::move(Next));
      ++Version;
    }
    // The old config, if this was its last owner, is destroyed outside the lock.
  }

  int version() const {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Version;
  }

private:
  mutable std::mutex Mutex;
  std::shared_ptr<const Config> Current;
  int Version = 1;
};

static std::shared_ptr<const Config> parseConfig(int Version) {
  return std::make_shared<const Config>(Config{100 + Version * 10, 500 - Version * 5,
                                               "10.0.0." + std::to_string(Version % 250)});
}

static long serveBatches(const ConfigStore &Store, int Batches) {
  long Budget = 0;
  for (int B = 0; B < Batches; ++B) {
    std::shared_ptr<const Config> Cfg = Store.snapshot();
    for (int Request = 0; Request < 100; ++Request)
      Budget += Cfg->MaxConnections - Cfg->TimeoutMs / 10 +
                static_cast<long>(Cfg->UpstreamHost.size());
  }
  return Budget;
}

int main() {
  ConfigStore Store(parseConfig(1));
  auto FrontA = std::async(std::launch::async, serveBatches, std::cref(Store), 400);
  auto FrontB = std::async(std::launch::async, serveBatches, std::cref(Store), 400);
  std::thread Reloader([&Store] {
    for (int V = 2; V <= 40; ++V) {
      Store.replace(parseConfig(V));
      std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
  });
  long Budget = FrontA.get() + FrontB.get();
  Reloader.join();
  std::printf("budget %ld, config version %d, upstream %s\n", Budget, Store.version(),
              Store.snapshot()->UpstreamHost.c_str());
}
