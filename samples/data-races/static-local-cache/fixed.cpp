// The fix: a mutex guards the cache, and every use of the map holds it.
// The static local still gives thread-safe construction of the map (and of
// the mutex); the lock covers everything after it: the lookup, the fetch
// of a missing rate and the insert, as one step, so each rate is fetched
// once and no thread sees the map half-changed.
#include "racelab/interleave.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>

// Stands in for a slow call to the bank's web service.
double fetchRate(const char *Currency) {
  if (std::strcmp(Currency, "USD") == 0)
    return 0.92;
  if (std::strcmp(Currency, "GBP") == 0)
    return 1.17;
  return 0.0061; // JPY
}

double exchangeRate(const char *Currency) {
  static std::mutex RatesMutex;               // guards Rates
  static std::map<std::string, double> Rates; // constructed once, safely
  std::lock_guard<std::mutex> Lock(RatesMutex);
  auto It = Rates.find(Currency);
  if (It != Rates.end())
    return It->second;
  // Fetched under the lock: another thread asking meanwhile waits instead
  // of fetching the same rate a second time.
  double Rate = fetchRate(Currency);
  Rates.emplace(Currency, Rate);
  return Rate;
}

struct Order {
  const char *Currency;
  double Amount;
};

double totalInEuros(const Order *Orders, int Count) {
  double Total = 0;
  for (int I = 0; I < Count; ++I)
    Total += Orders[I].Amount * exchangeRate(Orders[I].Currency);
  return Total;
}

// The same order as in buggy.cpp: the fix must hold up under it.
racelab::HiddenGate FirstBatchDone;

int main() {
  const Order Batch1[] = {{"USD", 120.0}, {"GBP", 80.0}, {"USD", 35.5}};
  const Order Batch2[] = {{"JPY", 15000.0}, {"USD", 60.0}, {"GBP", 10.0}};
  double Total1 = 0, Total2 = 0;
  std::thread Worker1([&] {
    Total1 = totalInEuros(Batch1, 3);
    FirstBatchDone.open();
  });
  std::thread Worker2([&] {
    FirstBatchDone.wait();
    Total2 = totalInEuros(Batch2, 3);
  });
  Worker1.join();
  Worker2.join();
  std::printf("batch 1: %.2f EUR\nbatch 2: %.2f EUR\n", Total1, Total2);
}
