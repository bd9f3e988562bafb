// A hand-written thread pool: workers pull jobs from a queue guarded by a
// mutex and condition variable. The queue is fine; the results vector that
// every job appends to is not protected at all.
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

std::vector<long> Results;

class ThreadPool {
public:
  explicit ThreadPool(unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      Workers.emplace_back([this] { workerLoop(); });
  }

  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Stopping = true;
    }
    Wake.notify_all();
    for (auto &W : Workers)
      W.join();
  }

  void submit(std::function<void()> Job) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Jobs.push(std::move(Job));
    }
    Wake.notify_one();
  }

private:
  void workerLoop() {
    for (;;) {
      std::function<void()> Job;
      {
        std::unique_lock<std::mutex> Lock(Mutex);
        Wake.wait(Lock, [this] { return Stopping || !Jobs.empty(); });
        if (Stopping && Jobs.empty())
          return;
        Job = std::move(Jobs.front());
        Jobs.pop();
      }
      Job();
    }
  }

  std::vector<std::thread> Workers;
  std::queue<std::function<void()>> Jobs;
  std::mutex Mutex;
  std::condition_variable Wake;
  bool Stopping = false;
};

long fib(int N) { return N < 2 ? N : fib(N - 1) + fib(N - 2); }

int main() {
  {
    ThreadPool Pool(4);
    for (int N = 20; N < 32; ++N)
      Pool.submit([N] { Results.push_back(fib(N)); }); // expect-race: Results
  }
  long Sum = 0;
  for (long R : Results)
    Sum += R;
  std::printf("%zu results, sum %ld\n", Results.size(), Sum);
}
