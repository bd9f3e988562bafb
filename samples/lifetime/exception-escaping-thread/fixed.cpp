// The fix: each worker catches whatever its work throws and stores it in a
// std::exception_ptr, a handle to the exception object that can be passed
// to another thread. After join(), main rethrows each stored exception with
// std::rethrow_exception and handles it like any exception of its own:
// the bad batch is rejected, the good one is still imported.
#include <cstdio>
#include <exception>
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
  std::vector<std::exception_ptr> Errors(Batches.size());
  std::vector<std::thread> Workers;
  for (size_t I = 0; I < Batches.size(); ++I)
    Workers.emplace_back([&, I] {
      try {
        Totals[I] = sumBatch(Batches[I]);
      } catch (...) {
        // Nothing escapes the thread: the exception is parked for main.
        Errors[I] = std::current_exception();
      }
    });
  for (std::thread &W : Workers)
    W.join(); // join() orders the worker's writes before main's reads

  long Sum = 0;
  size_t Imported = 0;
  for (size_t I = 0; I < Batches.size(); ++I) {
    try {
      if (Errors[I])
        std::rethrow_exception(Errors[I]); // the same exception, now in main
      std::printf("batch %zu: %ld cents\n", I + 1, Totals[I]);
      Sum += Totals[I];
      ++Imported;
    } catch (const std::exception &E) {
      std::printf("batch %zu: rejected, %s\n", I + 1, E.what());
    }
  }
  std::printf("imported %zu of %zu batches, %ld cents\n", Imported,
              Batches.size(), Sum);
}
