// Warehouse stock service: restock jobs and shopper reservations share a
// stock table guarded by a timed mutex. When the lock is contended for too
// long, reserve() falls back to an "optimistic" unlocked reservation.
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Warehouse {
public:
  explicit Warehouse(const std::vector<std::string> &Skus) {
    for (const std::string &Sku : Skus)
      Stock[Sku] = 20;
  }

  void restock(const std::string &Sku, int Quantity) {
    std::lock_guard<std::timed_mutex> Lock(Mutex);
    Stock[Sku] += Quantity; // expect-race: Stock
  }

  bool reserve(const std::string &Sku, int Quantity) {
    if (Mutex.try_lock_for(std::chrono::microseconds(100))) {
      bool Ok = take(Sku, Quantity);
      Mutex.unlock();
      return Ok;
    }
    // The lock is busy: the check below is "only a quick read", do it anyway.
    return take(Sku, Quantity);
  }

  int onHand(const std::string &Sku) {
    std::lock_guard<std::timed_mutex> Lock(Mutex);
    return Stock.at(Sku);
  }

private:
  bool take(const std::string &Sku, int Quantity) {
    auto It = Stock.find(Sku); // expect-race: Stock
    if (It == Stock.end() || It->second < Quantity) // expect-race: Stock
      return false;
    It->second -= Quantity; // expect-race: Stock
    return true;
  }

  std::timed_mutex Mutex;
  std::map<std::string, int> Stock;
};

int main() {
  const std::vector<std::string> Skus{"bolt-m6", "nut-m6", "washer-8", "hinge-brass"};
  Warehouse Depot(Skus);
  std::vector<int> Reserved(4, 0);
  {
    std::vector<std::jthread> Staff;
    for (int R = 0; R < 2; ++R)
      Staff.emplace_back([&Depot, &Skus, R] {
        for (int I = 0; I < 3000; ++I)
          Depot.restock(Skus[(I + R) % Skus.size()], 1);
      });
    for (int S = 0; S < 4; ++S)
      Staff.emplace_back([&Depot, &Skus, &Reserved, S] {
        for (int I = 0; I < 3000; ++I)
          if (Depot.reserve(Skus[(I * 7 + S) % Skus.size()], 1))
            ++Reserved[S];
      });
  }
  int Total = 0;
  for (int R : Reserved)
    Total += R;
  for (const std::string &Sku : Skus)
    std::printf("%-12s %d on hand\n", Sku.c_str(), Depot.onHand(Sku));
  std::printf("%d units reserved\n", Total);
}
