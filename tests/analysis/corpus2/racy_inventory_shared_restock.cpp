// Warehouse inventory guarded by a reader/writer lock. Restocking was
// "optimised" to take the shared lock because it does not insert keys.
#include <cstdio>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

class Inventory {
public:
  explicit Inventory(const std::vector<std::string> &Skus) {
    for (const auto &S : Skus)
      Stock.emplace(S, 0);
  }

  int available(const std::string &Sku) const {
    std::shared_lock<std::shared_mutex> L(M);
    auto It = Stock.find(Sku);
    return It == Stock.end() ? 0 : It->second; // expect-race: Stock
  }

  void restock(const std::string &Sku, int Qty) {
    std::shared_lock<std::shared_mutex> L(M); // only updates a value
    Stock.at(Sku) += Qty; // expect-race: Stock
  }

  bool reserve(const std::string &Sku, int Qty) {
    std::unique_lock<std::shared_mutex> L(M);
    int &Have = Stock.at(Sku);
    if (Have < Qty)
      return false;
    Have -= Qty;
    return true;
  }

private:
  mutable std::shared_mutex M;
  std::map<std::string, int> Stock;
};

static const std::vector<std::string> Catalog = {"SKU-100", "SKU-200", "SKU-300"};

static void supplier(Inventory &Inv, int Rounds) {
  for (int R = 0; R < Rounds; ++R)
    for (const auto &Sku : Catalog)
      Inv.restock(Sku, 5);
}

static void shop(Inventory &Inv, int Orders, int &Fulfilled) {
  for (int O = 0; O < Orders; ++O)
    if (Inv.reserve(Catalog[O % Catalog.size()], 2))
      ++Fulfilled;
}

int main() {
  Inventory Inv(Catalog);
  int FulfilledA = 0, FulfilledB = 0;
  std::thread S1(supplier, std::ref(Inv), 100);
  std::thread S2(supplier, std::ref(Inv), 100);
  std::thread ShopA(shop, std::ref(Inv), 300, std::ref(FulfilledA));
  std::thread ShopB(shop, std::ref(Inv), 300, std::ref(FulfilledB));
  std::thread Dashboard([&Inv] {
    for (int I = 0; I < 50; ++I)
      std::printf("SKU-100 on hand: %d\n", Inv.available("SKU-100"));
  });

  S1.join();
  S2.join();
  ShopA.join();
  ShopB.join();
  Dashboard.join();
  std::printf("fulfilled %d orders\n", FulfilledA + FulfilledB);
  return 0;
}
