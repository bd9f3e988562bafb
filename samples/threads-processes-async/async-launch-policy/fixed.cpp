// The fix: the async task shares nothing with the caller while it runs. It
// counts its queries in a local and returns them, with the cart total,
// through the future. The caller adds them to its own count after get(),
// which happens after the task has finished: every write to QueryCount is
// now made by one thread.
#include "racelab/interleave.h"

#include <cstdio>
#include <future>
#include <string>

int QueryCount = 0; // queries made while building the page; main's only

// The same forced interleaving as in buggy.cpp: the fix must hold up under it.
racelab::HiddenGate CartLoaderStarted;

struct Cart {
  long Cents = 0;
  int Queries = 0; // the task's own count, handed back through the future
};

Cart loadCart() {
  Cart C;
  for (long Price : {1299, 450, 899}) {
    ++C.Queries;
    C.Cents += Price; // (one query per item, left out)
    CartLoaderStarted.open();
  }
  return C;
}

std::string loadUserName() {
  ++QueryCount;
  return "Ada";
}

int main() {
  std::future<Cart> Loading = std::async(std::launch::async, loadCart);
  CartLoaderStarted.wait();
  std::string User = loadUserName(); // the task touches nothing of ours
  Cart C = Loading.get(); // the task's result, and everything it did, is ours now
  QueryCount += C.Queries;
  std::printf("Hello %s, your cart: %ld.%02ld EUR\n", User.c_str(),
              C.Cents / 100, C.Cents % 100);
  std::printf("(page built with %d database queries)\n", QueryCount);
}
