// Order book for one instrument: traders add and cancel bids. The helper
// refreshBestLocked() expects the caller to hold M, but cancelBid() calls it
// after its lock_guard went out of scope. Races: Bids (read by the helper
// against inserts/erases) and BestBid (written by the helper).
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

class OrderBook {
public:
  void addBid(int Price, int Qty) {
    std::lock_guard<std::mutex> Lock(M);
    Bids[Price] += Qty; // expect-race: Bids
    refreshBestLocked();
  }

  void cancelBid(int Price) {
    {
      std::lock_guard<std::mutex> Lock(M);
      Bids.erase(Price); // expect-race: Bids
    }
    refreshBestLocked(); // caller must hold M -- it does not here
  }

  int bestBid() const {
    std::lock_guard<std::mutex> Lock(M);
    return BestBid; // expect-race: BestBid
  }

private:
  // Requires M to be held.
  void refreshBestLocked() {
    int Best = Bids.empty() ? 0 : Bids.rbegin()->first; // expect-race: Bids
    BestBid = Best; // expect-race: BestBid
  }

  mutable std::mutex M;
  std::map<int, int> Bids; // price -> quantity
  int BestBid = 0;
};

void trader(OrderBook &Book, int Base) {
  for (int I = 0; I < 100; ++I) {
    int Price = Base + I % 10;
    Book.addBid(Price, 5);
    if (I % 3 == 0)
      Book.cancelBid(Price);
  }
}

int main() {
  OrderBook Book;
  std::thread A(trader, std::ref(Book), 100);
  std::thread B(trader, std::ref(Book), 105);
  std::thread Watcher([&Book] {
    long Sum = 0;
    for (int I = 0; I < 100; ++I)
      Sum += Book.bestBid();
    std::printf("average best %ld\n", Sum / 100);
  });
  A.join();
  B.join();
  Watcher.join();
  std::printf("final best bid %d\n", Book.bestBid());
  return 0;
}
