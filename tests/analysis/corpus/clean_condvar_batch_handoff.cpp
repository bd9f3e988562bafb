// Producer/consumer hand-off of one batch: the producer fills the batch and
// sets the flag while holding the mutex, then notifies; the consumer waits
// with a predicate and reads the batch under the lock.
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
  {
    std::lock_guard<std::mutex> Lock(M);
    Batch = std::move(Local);
    Ready = true;
  }
  BatchReady.notify_one();
}

void consumer(long &Sum) {
  std::unique_lock<std::mutex> Lock(M);
  BatchReady.wait(Lock, [] { return Ready; });
  Sum = std::accumulate(Batch.begin(), Batch.end(), 0L);
}

int main() {
  long Sum = 0;
  std::thread C(consumer, std::ref(Sum));
  std::thread P(producer);
  P.join();
  C.join();
  std::printf("sum = %ld\n", Sum);
}
