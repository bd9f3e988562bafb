// Two warehouses with a recursive mutex each. Shoppers spin on try_lock()
// and then adopt the lock; transfers between warehouses take both mutexes
// with std::lock (deadlock-free in any order) and adopt them; restockAll
// calls restock while already holding the (recursive) mutex.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Warehouse {
public:
  Warehouse(std::string Name, const std::vector<std::string> &Skus) : Name(std::move(Name)) {
    for (const std::string &Sku : Skus)
      Stock[Sku] = 50;
  }

  bool reserve(const std::string &Sku, int Quantity) {
    while (!Mutex.try_lock())
      std::this_thread::yield();
    std::lock_guard<std::recursive_mutex> Lock(Mutex, std::adopt_lock);
    return takeLocked(Sku, Quantity);
  }

  void restock(const std::string &Sku, int Quantity) {
    std::lock_guard<std::recursive_mutex> Lock(Mutex);
    Stock[Sku] += Quantity;
  }

  void restockAll(int Quantity) {
    std::lock_guard<std::recursive_mutex> Lock(Mutex);
    for (auto &[Sku, OnHand] : Stock)
      restock(Sku, Quantity);
  }

  int total() {
    std::lock_guard<std::recursive_mutex> Lock(Mutex);
    int Sum = 0;
    for (const auto &[Sku, OnHand] : Stock)
      Sum += OnHand;
    return Sum;
  }

  friend bool transfer(Warehouse &From, Warehouse &To, const std::string &Sku, int Quantity) {
    std::lock(From.Mutex, To.Mutex);
    std::lock_guard<std::recursive_mutex> FromLock(From.Mutex, std::adopt_lock);
    std::lock_guard<std::recursive_mutex> ToLock(To.Mutex, std::adopt_lock);
    if (!From.takeLocked(Sku, Quantity))
      return false;
    To.Stock[Sku] += Quantity;
    return true;
  }

  const std::string Name;

private:
  bool takeLocked(const std::string &Sku, int Quantity) {
    auto It = Stock.find(Sku);
    if (It == Stock.end() || It->second < Quantity)
      return false;
    It->second -= Quantity;
    return true;
  }

  std::recursive_mutex Mutex;
  std::map<std::string, int> Stock;
};

int main() {
  const std::vector<std::string> Skus{"bolt-m6", "nut-m6", "washer-8", "hinge-brass"};
  Warehouse North("north", Skus), South("south", Skus);
  std::vector<int> Reserved(4, 0);
  std::vector<std::thread> Staff;
  for (int S = 0; S < 4; ++S)
    Staff.emplace_back([&, S] {
      Warehouse &Site = S % 2 ? South : North;
      for (int I = 0; I < 2000; ++I)
        Reserved[S] += Site.reserve(Skus[(I + S) % Skus.size()], 1);
    });
  Staff.emplace_back([&] {
    for (int I = 0; I < 1000; ++I)
      transfer(I % 2 ? North : South, I % 2 ? South : North, Skus[I % Skus.size()], 2);
  });
  Staff.emplace_back([&North, &South] {
    for (int Round = 0; Round < 50; ++Round) {
      North.restockAll(5);
      South.restockAll(5);
    }
  });
  for (std::thread &T : Staff)
    T.join();
  int Total = 0;
  for (int R : Reserved)
    Total += R;
  std::printf("%s %d, %s %d, reserved %d\n", North.Name.c_str(), North.total(), South.Name.c_str(),
              South.total(), Total);
}
