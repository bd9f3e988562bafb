// Warehouse inventory with manual lock()/unlock(). reserve() checks and
// updates stock correctly, but the running total of reserved units is
// updated after the unlock() call, so two pickers can clobber each other.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::mutex InventoryMutex;
std::map<std::string, int> Stock = {{"bolt", 500}, {"nut", 800}, {"washer", 300}};
long TotalReserved = 0;

bool reserve(const std::string &Item, int Units) {
  InventoryMutex.lock();
  auto It = Stock.find(Item);
  if (It == Stock.end() || It->second < Units) {
    InventoryMutex.unlock();
    return false;
  }
  It->second -= Units;
  InventoryMutex.unlock();
  TotalReserved += Units; // expect-race: TotalReserved
  return true;
}

int restock(const std::string &Item, int Units) {
  InventoryMutex.lock();
  int Now = Stock[Item] += Units;
  InventoryMutex.unlock();
  return Now;
}

void picker(int Id) {
  static const char *Items[] = {"bolt", "nut", "washer"};
  int Failed = 0;
  for (int I = 0; I < 200; ++I)
    if (!reserve(Items[(I + Id) % 3], 1 + I % 3))
      ++Failed;
  std::printf("picker %d: %d failed\n", Id, Failed);
}

int main() {
  std::vector<std::thread> Pickers;
  for (int Id = 0; Id < 4; ++Id)
    Pickers.emplace_back(picker, Id);
  std::thread Supplier([] {
    for (int I = 0; I < 50; ++I)
      restock(I % 2 ? "bolt" : "washer", 10);
  });
  for (auto &P : Pickers)
    P.join();
  Supplier.join();
  std::printf("reserved %ld units\n", TotalReserved);
}
