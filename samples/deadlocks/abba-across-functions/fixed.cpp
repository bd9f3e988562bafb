// The fix: one lock order for the whole program, written down next to the
// mutexes: the book before the ledger. match() already followed it; audit()
// now takes the book first too, and its helper no longer locks on its own
// (the "...Locked" name says the caller must hold BookMutex). With every
// thread asking for the two mutexes in the same order, no thread can hold
// the ledger while waiting for the book, and no waiting cycle can form.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Order {
  std::string Trader;
  long Price; // cash the buyer has set aside for the order
};

// Lock order: BookMutex before LedgerMutex, everywhere.
std::mutex BookMutex; // guards Book
std::vector<Order> Book; // resting buy orders
std::mutex LedgerMutex; // guards Cash
std::map<std::string, long> Cash;

// A seller hits the best buy order: the order leaves the book and its cash
// goes to the seller.
std::string match(const std::string &Seller) {
  std::lock_guard<std::mutex> BookLock(BookMutex);
  Order Filled = Book.back();
  Book.pop_back();
  std::lock_guard<std::mutex> LedgerLock(LedgerMutex);
  Cash[Seller] += Filled.Price;
  return Seller + " sold to " + Filled.Trader + " for " +
         std::to_string(Filled.Price);
}

// The cash a trader has set aside in open orders. The caller holds BookMutex.
long openOrderValueLocked(const std::string &Trader) {
  long Sum = 0;
  for (const Order &O : Book)
    if (O.Trader == Trader)
      Sum += O.Price;
  return Sum;
}

// Money is never created or destroyed: cash plus the cash in open orders
// must always add up to the same total.
long audit() {
  std::lock_guard<std::mutex> BookLock(BookMutex); // the book first, as in match()
  std::lock_guard<std::mutex> LedgerLock(LedgerMutex);
  long Total = 0;
  for (const auto &[Trader, Balance] : Cash)
    Total += Balance + openOrderValueLocked(Trader);
  return Total;
}

int main() {
  Cash = {{"alice", 400}, {"bob", 300}, {"carol", 300}};
  Book = {{"alice", 100}, {"bob", 200}}; // cash already set aside
  std::string Trade;
  long Total = 0;
  // No forced order here: the match and the audit may really run at once.
  std::thread Matcher([&] { Trade = match("carol"); });
  std::thread Auditor([&] { Total = audit(); });
  Matcher.join();
  Auditor.join();
  std::printf("%s\naudit: %ld in cash and open orders (expected 1300)\n",
              Trade.c_str(), Total);
}
