// A shop builds a page: it loads the cart in the background with
// std::async(std::launch::async, ...) and, meanwhile, loads the user's name
// itself. Both count their database queries in one shared counter,
// QueryCount, which the page footer shows.
// The bug: std::launch::async runs the task on a new thread right away. The
// task and the caller now both write QueryCount, and nothing orders those
// writes: get() synchronises with the task, but the caller's write comes
// before get(). A data race, and the footer may show a lost query.
#include "racelab/interleave.h"

#include <cstdio>
#include <future>
#include <string>

int QueryCount = 0; // queries made while building the page

// Forces the bad interleaving (see README.md): the caller makes its query
// while the cart loader is between two of its own.
racelab::HiddenGate CartLoaderStarted;

long loadCartCents() {
  long Cents = 0;
  for (long Price : {1299, 450, 899}) {
    ++QueryCount; // expect-race: QueryCount, written by the async task
    Cents += Price; // (one query per item, left out)
    CartLoaderStarted.open();
  }
  return Cents;
}

std::string loadUserName() {
  ++QueryCount; // expect-race: QueryCount, written by the caller before get()
  return "Ada";
}

int main() {
  std::future<long> Cart = std::async(std::launch::async, loadCartCents);
  CartLoaderStarted.wait();
  std::string User = loadUserName(); // runs while the task may still run
  long Cents = Cart.get(); // orders the task before this line, not before loadUserName
  std::printf("Hello %s, your cart: %ld.%02ld EUR\n", User.c_str(),
              Cents / 100, Cents % 100);
  std::printf("(page built with %d database queries)\n", QueryCount);
}
