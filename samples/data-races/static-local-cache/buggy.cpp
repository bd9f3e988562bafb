// An online shop converts order amounts to euros. Exchange rates come from
// a slow web service, so exchangeRate() remembers every rate it fetched, in
// a function-local static map. Two threads each process a batch of orders.
// The bug: since C++11 the *initialisation* of a local static is
// thread-safe (the map is constructed exactly once, whoever comes first),
// but nothing protects what is done with it afterwards. Both threads look
// rates up in the one map and insert into it without a lock.
#include "racelab/interleave.h"

#include <cstdio>
#include <cstring>
#include <map>
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
  static std::map<std::string, double> Rates; // constructed once, safely
  auto It = Rates.find(Currency); // expect-race: Rates read without a lock
  if (It != Rates.end())
    return It->second; // expect-race: Rates entry written by the other thread
  double Rate = fetchRate(Currency);
  Rates.emplace(Currency, Rate); // expect-race: Rates changed without a lock
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

// Runs the batches one after the other (see README.md): TSan still sees
// two unsynchronised threads, but the map is never really corrupted.
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
