// FP (clean_crawler_atomic_claim.cpp:49): every index is claimed exactly
// once through an atomic fetch_add, so the slots are disjoint; the claimed
// index is not recognised as thread-own. Clean program.
#include <atomic>
#include <thread>
#include <vector>
static std::atomic<size_t> Next{0};
static std::vector<int> Out(100);
static void worker() {
  for (;;) {
    size_t I = Next.fetch_add(1);
    if (I >= Out.size())
      return;
    Out[I] = int(I) * 2;
  }
}
int main() {
  std::thread A(worker), B(worker);
  A.join();
  B.join();
}
