// An exchange keeps its order book and its ledger of cash balances under two
// mutexes. match() fills an order: it locks the book, then the ledger.
// audit() checks the books: it locks the ledger, then calls a helper that
// locks the book. Each function looks fine on its own; only side by side do
// they take the same two mutexes in opposite orders. When a match and an
// audit run at the same time, each can hold its first mutex while waiting
// for the other's: a deadlock that no single function shows.
#include "racelab/interleave.h"

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

std::mutex BookMutex; // guards Book
std::vector<Order> Book; // resting buy orders
std::mutex LedgerMutex; // guards Cash
std::map<std::string, long> Cash;

// Keeps this program from really hanging (see README.md): the audit starts
// only after the match has finished. TSan still sees both lock orders and
// reports that they can deadlock.
racelab::HiddenGate MatchDone;

// A seller hits the best buy order: the order leaves the book and its cash
// goes to the seller.
std::string match(const std::string &Seller) {
  std::lock_guard<std::mutex> BookLock(BookMutex); // expect-lock-order: BookMutex
  Order Filled = Book.back();
  Book.pop_back();
  std::lock_guard<std::mutex> LedgerLock(LedgerMutex); // expect-lock-order: LedgerMutex
  Cash[Seller] += Filled.Price;
  return Seller + " sold to " + Filled.Trader + " for " +
         std::to_string(Filled.Price);
}

// The cash a trader has set aside in open orders.
long openOrderValue(const std::string &Trader) {
  std::lock_guard<std::mutex> BookLock(BookMutex); // expect-lock-order: BookMutex
  long Sum = 0;
  for (const Order &O : Book)
    if (O.Trader == Trader)
      Sum += O.Price;
  return Sum;
}

// Money is never created or destroyed: cash plus the cash in open orders
// must always add up to the same total.
long audit() {
  std::lock_guard<std::mutex> LedgerLock(LedgerMutex); // expect-lock-order: LedgerMutex
  long Total = 0;
  for (const auto &[Trader, Balance] : Cash)
    Total += Balance + openOrderValue(Trader); // locks the book
  return Total;
}

int main() {
  Cash = {{"alice", 400}, {"bob", 300}, {"carol", 300}};
  Book = {{"alice", 100}, {"bob", 200}}; // cash already set aside
  std::string Trade;
  long Total = 0;
  std::thread Matcher([&] {
    Trade = match("carol"); // takes BookMutex, then LedgerMutex
    MatchDone.open();
  });
  std::thread Auditor([&] {
    MatchDone.wait();
    Total = audit(); // takes LedgerMutex, then (in a helper) BookMutex
  });
  Matcher.join();
  Auditor.join();
  std::printf("%s\naudit: %ld in cash and open orders (expected 1300)\n",
              Trade.c_str(), Total);
}
