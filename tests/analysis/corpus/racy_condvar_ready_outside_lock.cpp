// Producer/consumer hand-off with a condition variable. The consumer waits
// correctly with a predicate under the lock; the producer, however, sets
// the batch and the ready flag without holding the mutex and only then
// notifies.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

std::mutex M;
std::condition_variable BatchReady;
bool Ready = false;
std::vector<int> Batch;

void producer() {
  std::vector<int> Local(1000);
  std::iota(Local.begin(), Local.end(), 1);
  Batch = std::move(Local); // expect-race: Batch
  Ready = true; // expect-race: Ready set without the mutex
  BatchReady.notify_one();
}

void consumer(long &Sum) {
  std::unique_lock<std::mutex> Lock(M);
  BatchReady.wait(Lock, [] { return Ready; }); // expect-race: Ready
  Sum = std::accumulate(Batch.begin(), Batch.end(), 0L); // expect-race: Batch
}

int main() {
  long Sum = 0;
  std::thread C(consumer, std::ref(Sum));
  std::thread P(producer);
  P.join();
  C.join();
  std::printf("sum = %ld\n", Sum);
}
