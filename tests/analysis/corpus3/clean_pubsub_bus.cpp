// Event bus of a trading simulator. All subscriptions are made at start-up
// and the bus is frozen before any publisher starts; from then on the
// subscriber table is only read. Each handler protects its own state.
#include <atomic>
#include <cstdio>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

struct Event {
  std::string Topic;
  double Price;
  int Quantity;
};

class EventBus {
public:
  using Handler = std::function<void(const Event &)>;

  void subscribe(const std::string &Topic, Handler H) {
    if (Frozen)
      throw std::logic_error("subscribe after freeze");
    Handlers[Topic].push_back(std::move(H));
  }

  void freeze() { Frozen = true; }

  void publish(const Event &E) const {
    auto It = Handlers.find(E.Topic);
    if (It == Handlers.end())
      return;
    for (const Handler &H : It->second)
      H(E);
  }

private:
  bool Frozen = false;
  std::map<std::string, std::vector<Handler>> Handlers;
};

class VolumeTracker {
public:
  void onTrade(const Event &E) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Volume[E.Topic] += E.Quantity;
  }

  long volume(const std::string &Topic) {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Volume[Topic];
  }

private:
  std::mutex Mutex;
  std::map<std::string, long> Volume;
};

class TradeCounter {
public:
  void onTrade(const Event &) { Count.fetch_add(1, std::memory_order_relaxed); }
  long count() const { return Count.load(); }

private:
  std::atomic<long> Count{0};
};

static int feed(const EventBus &Bus, std::string Topic, double Base, int Ticks) {
  for (int T = 0; T < Ticks; ++T)
    Bus.publish(Event{Topic, Base + (T % 17) * 0.25, 1 + T % 9});
  return Ticks;
}

int main() {
  EventBus Bus;
  VolumeTracker Volumes;
  TradeCounter Trades;
  for (const char *Topic : {"ACME", "GLOBX"}) {
    Bus.subscribe(Topic, [&Volumes](const Event &E) { Volumes.onTrade(E); });
    Bus.subscribe(Topic, [&Trades](const Event &E) { Trades.onTrade(E); });
  }
  Bus.freeze();

  auto Acme = std::async(std::launch::async, feed, std::cref(Bus), std::string("ACME"), 101.0, 5000);
  auto Globx = std::async(std::launch::async, feed, std::cref(Bus), std::string("GLOBX"), 55.5, 5000);
  int Published = Acme.get() + Globx.get();
  std::printf("published %d, counted %ld, ACME volume %ld, GLOBX volume %ld\n", Published,
              Trades.count(), Volumes.volume("ACME"), Volumes.volume("GLOBX"));
}
