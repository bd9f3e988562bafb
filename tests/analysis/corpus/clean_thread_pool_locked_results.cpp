// A hand-written thread pool whose jobs publish results into a map guarded
// by its own mutex. The pool's destructor joins the workers, so main reads
// the results after the pool is gone without locking.
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      Workers.emplace_back(&ThreadPool::workerLoop, this);
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
  std::map<int, long> Results;
  std::mutex ResultsMutex;
  {
    ThreadPool Pool(4);
    for (int N = 20; N < 32; ++N)
      Pool.submit([N, &Results, &ResultsMutex] {
        long F = fib(N);
        std::lock_guard<std::mutex> Lock(ResultsMutex);
        Results[N] = F;
      });
  }
  for (const auto &[N, F] : Results)
    std::printf("fib(%d) = %ld\n", N, F);
}
