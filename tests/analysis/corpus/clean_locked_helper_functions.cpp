// An order book. Public member functions take the mutex and then call
// private helpers whose names end in "Locked": by convention those are only
// ever called with the mutex held, and they touch the shared state freely.
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

class OrderBook {
public:
  void addBid(int Price, int Qty) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Bids[Price] += Qty;
    matchLocked();
  }

  void addAsk(int Price, int Qty) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Asks[Price] += Qty;
    matchLocked();
  }

  long traded() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Traded;
  }

private:
  void matchLocked() {
    while (!Bids.empty() && !Asks.empty()) {
      auto BestBid = std::prev(Bids.end());
      auto BestAsk = Asks.begin();
      if (BestBid->first < BestAsk->first)
        return;
      int Qty = std::min(BestBid->second, BestAsk->second);
      recordTradeLocked(Qty);
      if ((BestBid->second -= Qty) == 0)
        Bids.erase(BestBid);
      if ((BestAsk->second -= Qty) == 0)
        Asks.erase(BestAsk);
    }
  }

  void recordTradeLocked(int Qty) {
    Traded += Qty;
    ++Trades;
  }

  std::mutex Mutex;
  std::map<int, int> Bids, Asks;
  long Traded = 0;
  int Trades = 0;
};

int main() {
  OrderBook Book;
  std::vector<std::thread> Traders;
  for (int T = 0; T < 4; ++T) {
    Traders.emplace_back([&Book, T] {
      for (int I = 0; I < 500; ++I) {
        if ((I + T) % 2)
          Book.addBid(100 + I % 5, 10);
        else
          Book.addAsk(101 + I % 5, 10);
      }
    });
  }
  for (auto &T : Traders)
    T.join();
  std::printf("traded %ld units\n", Book.traded());
}
