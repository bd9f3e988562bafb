// FN (racy_orderbook_early_unlock.cpp:48/49): unique_lock::unlock() called in
// a helper that receives the lock by reference is not seen; the helper's
// accesses count as still under M. The same unlock inline is reported.
#include <mutex>
#include <thread>
static std::mutex M;
static long Volume;
static void finish(std::unique_lock<std::mutex> &L) {
  L.unlock();
  Volume += 1; // expect-race: Volume
}
static void submit() {
  std::unique_lock<std::mutex> L(M);
  finish(L);
}
int main() {
  std::thread A(submit), B(submit);
  A.join();
  B.join();
}
