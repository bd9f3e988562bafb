// Control for fp_promise_moved_into_thread.cpp: a promise captured by reference orders the write (silent).
// clean: promise captured by reference in a lambda, write only before set_value
#include <future>
#include <thread>
int Pixels = 0;
int main() {
  std::promise<void> P;
  std::future<void> F = P.get_future();
  std::thread T([&P] {
    Pixels = 1;
    P.set_value();
  });
  F.get();
  int Seen = Pixels;
  (void)Seen;
  T.join();
}
