// A price importer parses two batches of price lines in parallel, one
// worker thread per batch, and adds up the valid batches. A line that is not
// a whole number of cents makes parseCents() throw.
// The bug: nothing inside the worker catches that exception. An exception
// that leaves a thread's function does not travel to the thread that joins
// it: the C++ runtime calls std::terminate, and the whole program aborts.
// main's try/catch around join() never sees the exception, the good batch
// is lost too, and nothing after the bad line is ever printed.
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

// "120" -> 120. Anything that is not a whole number is an error.
long parseCents(const std::string &Field) {
  size_t Used = 0;
  long Cents = std::stol(Field, &Used);
  if (Used != Field.size())
    throw std::invalid_argument("bad price \"" + Field + "\"");
  return Cents;
}

long sumBatch(const std::vector<std::string> &Lines) {
  long Total = 0;
  for (const std::string &Line : Lines)
    Total += parseCents(Line); // throws on a bad line
  return Total;
}

int main() {
  std::vector<std::vector<std::string>> Batches = {{"120", "250", "99"},
                                                   {"75", "1x0", "310"}};
  std::vector<long> Totals(Batches.size());
  std::vector<std::thread> Workers;
  for (size_t I = 0; I < Batches.size(); ++I)
    Workers.emplace_back([&, I] {
      // An exception thrown here leaves the thread function: std::terminate.
      Totals[I] = sumBatch(Batches[I]);
    });

  // This catch looks like it handles a bad batch, but an exception never
  // crosses from one thread to another: it is never reached.
  try {
    for (std::thread &W : Workers)
      W.join();
  } catch (const std::exception &E) {
    std::printf("import failed: %s\n", E.what());
    return 1;
  }
  long Sum = 0;
  for (size_t I = 0; I < Batches.size(); ++I) {
    std::printf("batch %zu: %ld cents\n", I + 1, Totals[I]);
    Sum += Totals[I];
  }
  std::printf("imported %zu of %zu batches, %ld cents\n", Batches.size(),
              Batches.size(), Sum);
}
