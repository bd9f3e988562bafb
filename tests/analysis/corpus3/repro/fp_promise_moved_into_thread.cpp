// Found while minimising racy_thumbnail_handoff.cpp; not one of the corpus3 files.
// Correct: the write happens before set_value(), the read after get(). With the
// promise captured by reference racecheck is silent; once the promise is moved
// into the thread (argument or init-capture) the set_value -> get edge is lost.
#include <future>
#include <thread>

int Pixels = 0;

void worker(std::promise<void> Done) {
  Pixels = 1;
  Done.set_value();
}

int main() {
  std::promise<void> P;
  std::future<void> F = P.get_future();
  std::thread T(worker, std::move(P));
  F.get();
  int Seen = Pixels;
  (void)Seen;
  T.join();
}
