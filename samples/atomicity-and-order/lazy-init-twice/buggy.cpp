// A price service converts euro amounts with an exchange-rate table that is
// loaded lazily, on first use, because loading it is slow. "Loaded" is an
// atomic flag and the table pointer is atomic too, so there is no data race.
// The bug: check and act are two steps. Two threads that ask for the rates
// at the same time both see "not ready" and both load the table; the second
// store overwrites the first table, which is leaked (and a real loader would
// have opened the rates file, and its database connection, twice).
#include "racelab/interleave.h"

#include <atomic>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

struct RateTable {
  std::map<std::string, double> PerEuro; // currency -> units per euro
};

std::atomic<RateTable *> Table{nullptr};
std::atomic<bool> Ready{false};
std::atomic<int> Loads{0}; // how many times the table was loaded

// Force the unlucky interleaving (see README.md): the first loader stays in
// the slow part until the second caller has been through rates().
racelab::HiddenGate FirstLoadStarted, SecondCallerDone;

RateTable *loadRates() { // the slow part: read and parse the rates file
  if (++Loads == 1) {
    FirstLoadStarted.open();
    SecondCallerDone.wait();
  }
  return new RateTable{{{"USD", 1.08}, {"GBP", 0.85}}};
}

const RateTable &rates() {
  if (!Ready.load()) {       // check: not loaded yet ...
    Table.store(loadRates()); // act: ... so load it (a second load leaks the first)
    Ready.store(true);
  }
  return *Table.load();
}

double convert(double Euros, const std::string &Currency) {
  return Euros * rates().PerEuro.at(Currency);
}

double Quote = 0, Invoice = 0; // main reads them after join()

int main() {
  std::thread Pricing([] { Quote = convert(100, "USD"); });
  std::thread Invoicing([] {
    FirstLoadStarted.wait();
    Invoice = convert(250, "GBP");
    SecondCallerDone.open();
  });
  Pricing.join();
  Invoicing.join();
  std::printf("quote: 100 EUR = %.2f USD\n", Quote);
  std::printf("invoice: 250 EUR = %.2f GBP\n", Invoice);
  int N = Loads.load();
  std::printf("rate table loaded %d time%s\n", N, N == 1 ? "" : "s");
}
