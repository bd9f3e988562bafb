// Order matching engine: trader threads submit orders through a locked
// queue; one matcher thread owns the order book and matches buys against
// sells. Correct: only the matcher thread touches the book (no lock needed),
// the queue is always locked, and main reads the book after joining.
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

struct Order {
  bool Buy;
  int Price;
  int Qty;
};

class OrderQueue {
public:
  void push(const Order &O) {
    { std::lock_guard<std::mutex> Lock(M); Q.push_back(O); }
    CV.notify_one();
  }
  void close() {
    { std::lock_guard<std::mutex> Lock(M); Closed = true; }
    CV.notify_one();
  }
  bool pop(Order &O) {
    std::unique_lock<std::mutex> Lock(M);
    CV.wait(Lock, [this] { return Closed || !Q.empty(); });
    if (Q.empty())
      return false;
    O = Q.front();
    Q.pop_front();
    return true;
  }
private:
  std::mutex M;
  std::condition_variable CV;
  std::deque<Order> Q;
  bool Closed = false;
};

struct Book {
  std::map<int, int> Bids, Asks; // price -> quantity
  long Traded = 0;

  void match(Order O) {
    auto &Own = O.Buy ? Bids : Asks;
    auto &Other = O.Buy ? Asks : Bids;
    while (O.Qty > 0 && !Other.empty()) {
      auto It = O.Buy ? Other.begin() : std::prev(Other.end());
      if (O.Buy ? It->first > O.Price : It->first < O.Price)
        break;
      int Fill = std::min(O.Qty, It->second);
      O.Qty -= Fill;
      Traded += Fill;
      if ((It->second -= Fill) == 0)
        Other.erase(It);
    }
    if (O.Qty > 0)
      Own[O.Price] += O.Qty;
  }
};

int main() {
  OrderQueue Incoming;
  Book TheBook;
  std::thread Matcher([&] {
    Order O;
    while (Incoming.pop(O))
      TheBook.match(O);
  });
  std::vector<std::thread> Traders;
  for (int T = 0; T < 3; ++T)
    Traders.emplace_back([&Incoming, T] {
      for (int I = 0; I < 100; ++I)
        Incoming.push(Order{(I + T) % 2 == 0, 95 + (I * 7 + T) % 11, 1 + I % 4});
    });
  for (auto &T : Traders)
    T.join();
  Incoming.close();
  Matcher.join();
  std::printf("traded %ld, %zu bid levels, %zu ask levels\n", TheBook.Traded,
              TheBook.Bids.size(), TheBook.Asks.size());
  return 0;
}
