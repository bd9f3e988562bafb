// Feature flags: the flag set is immutable once published. A refresher
// thread builds a new set and swaps the shared_ptr under a mutex; request
// threads take a snapshot under the same mutex and read it without a lock.
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct FlagSet {
  int Version = 0;
  std::map<std::string, bool> Flags;
  bool enabled(const std::string &Name) const {
    auto It = Flags.find(Name);
    return It != Flags.end() && It->second;
  }
};

class FlagStore {
public:
  FlagStore() : Current(std::make_shared<const FlagSet>()) {}

  std::shared_ptr<const FlagSet> snapshot() const {
    std::lock_guard<std::mutex> L(M);
    return Current;
  }

  void publish(std::shared_ptr<const FlagSet> Next) {
    std::lock_guard<std::mutex> L(M);
    Current = std::move(Next);
  }

private:
  mutable std::mutex M;
  std::shared_ptr<const FlagSet> Current;
};

static std::shared_ptr<const FlagSet> fetchFlags(int Version) {
  auto S = std::make_shared<FlagSet>();
  S->Version = Version;
  S->Flags["new-checkout"] = Version % 2 == 0;
  S->Flags["dark-mode"] = true;
  S->Flags["beta-search"] = Version > 5;
  return S;
}

static void handleRequests(const FlagStore &Store, int Worker, int &NewCheckouts) {
  for (int R = 0; R < 5000; ++R) {
    std::shared_ptr<const FlagSet> Flags = Store.snapshot();
    if (Flags->enabled("new-checkout"))
      ++NewCheckouts;
    if (R % 2500 == 0)
      std::printf("worker %d sees flags v%d\n", Worker, Flags->Version);
  }
}

int main() {
  FlagStore Store;
  std::thread Refresher([&Store] {
    for (int V = 1; V <= 10; ++V) {
      Store.publish(fetchFlags(V));
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  std::vector<int> Counts(3, 0);
  std::vector<std::thread> Workers;
  for (int W = 0; W < 3; ++W)
    Workers.emplace_back(handleRequests, std::cref(Store), W, std::ref(Counts[size_t(W)]));
  for (auto &T : Workers)
    T.join();
  Refresher.join();
  std::printf("new checkout served %d times\n", Counts[0] + Counts[1] + Counts[2]);
  return 0;
}
