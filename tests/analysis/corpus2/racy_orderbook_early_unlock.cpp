// Matching engine: traders submit limit orders; a crossing bid and ask are
// matched under the book lock, the lock is dropped before publishing the
// trade, and the volume statistics are updated after that.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

enum class Side { Buy, Sell };

struct Order {
  int Trader;
  Side S;
  int Price;
  int Qty;
};

class MatchingEngine {
public:
  void submit(const Order &O) {
    std::unique_lock<std::mutex> L(BookMutex);
    (O.S == Side::Buy ? Bids : Asks).push_back(O);
    tryMatch(L);
  }

  void report() const {
    std::printf("trades=%ld volume=%ld\n", Trades, FilledVolume);
  }

private:
  void tryMatch(std::unique_lock<std::mutex> &L) {
    if (Bids.empty() || Asks.empty())
      return;
    Order Bid = Bids.front();
    Order Ask = Asks.front();
    if (Bid.Price < Ask.Price)
      return;
    int Qty = std::min(Bid.Qty, Ask.Qty);
    Bids.pop_front();
    Asks.pop_front();
    L.unlock();
    publishTrade(Bid, Ask, Qty);
    FilledVolume += Qty; // expect-race: FilledVolume
    ++Trades; // expect-race: Trades
  }

  static void publishTrade(const Order &B, const Order &A, int Qty) {
    if (Qty > 90)
      std::printf("big trade: %d x %d (buyer %d, seller %d)\n", Qty, A.Price,
                  B.Trader, A.Trader);
  }

  std::mutex BookMutex;
  std::deque<Order> Bids;
  std::deque<Order> Asks;
  long FilledVolume = 0;
  long Trades = 0;
};

static void trader(MatchingEngine &Engine, int Id) {
  for (int I = 0; I < 500; ++I) {
    Side S = (I + Id) % 2 ? Side::Buy : Side::Sell;
    int Price = 100 + (I * 13 + Id) % 5 - 2;
    Engine.submit(Order{Id, S, Price, 1 + (I * 7) % 100});
  }
}

int main() {
  MatchingEngine Engine;
  std::vector<std::thread> Traders;
  for (int Id = 0; Id < 4; ++Id)
    Traders.emplace_back(trader, std::ref(Engine), Id);
  for (auto &T : Traders)
    T.join();
  Engine.report();
  return 0;
}
