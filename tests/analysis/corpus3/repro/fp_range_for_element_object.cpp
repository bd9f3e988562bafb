// From clean_sharded_counter.cpp (FP on Workers[].Mine.Views etc., lines 29-32).
// Correct: each thread runs run() on its own element of 'Workers'. The same
// code with 'for (size_t I...) ... &Workers[I]' is silent; with the range-for
// element '&W' (or a lambda capturing [&W]) racecheck reports Workers[].Views.
#include <thread>
#include <vector>

struct Worker {
  long Views = 0;
  void run() {
    for (int I = 0; I < 1000; ++I)
      ++Views;
  }
};

int main() {
  std::vector<Worker> Workers(4);
  std::vector<std::thread> Threads;
  for (Worker &W : Workers)
    Threads.emplace_back(&Worker::run, &W);
  for (std::thread &T : Threads)
    T.join();
}
