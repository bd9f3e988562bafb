// Warehouse inventory with manual lock()/unlock() calls on every path,
// including the early return, and the reserved total updated before unlock.
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
  TotalReserved += Units;
  InventoryMutex.unlock();
  return true;
}

int restock(const std::string &Item, int Units) {
  InventoryMutex.lock();
  int Now = Stock[Item] += Units;
  InventoryMutex.unlock();
  return Now;
}

long reservedSoFar() {
  InventoryMutex.lock();
  long R = TotalReserved;
  InventoryMutex.unlock();
  return R;
}

void picker(int Id) {
  static const char *Items[] = {"bolt", "nut", "washer"};
  int Failed = 0;
  for (int I = 0; I < 200; ++I)
    if (!reserve(Items[(I + Id) % 3], 1 + I % 3))
      ++Failed;
  std::printf("picker %d: %d failed, %ld reserved so far\n", Id, Failed,
              reservedSoFar());
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
