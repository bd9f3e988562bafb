// The fix: the table is loaded under std::call_once. call_once runs the
// loader exactly once; a thread that arrives while it runs waits until it
// has finished, and every caller then sees the finished table (call_once
// orders the loader's writes before the callers' reads). The check and the
// act are one indivisible step, done by the library.
#include "racelab/interleave.h"

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>

struct RateTable {
  std::map<std::string, double> PerEuro; // currency -> units per euro
};

std::once_flag TableLoaded;
RateTable *Table = nullptr; // written once, inside call_once
std::atomic<int> Loads{0};  // how many times the table was loaded

// The same forced start as in buggy.cpp: the second caller arrives while the
// first is loading. The loader cannot wait for it to be done here: that
// caller now waits inside call_once for the loader, which is the point.
racelab::HiddenGate FirstLoadStarted, SecondCallerDone;

RateTable *loadRates() { // the slow part: read and parse the rates file
  if (++Loads == 1)
    FirstLoadStarted.open();
  return new RateTable{{{"USD", 1.08}, {"GBP", 0.85}}};
}

const RateTable &rates() {
  std::call_once(TableLoaded, [] { Table = loadRates(); });
  return *Table;
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
