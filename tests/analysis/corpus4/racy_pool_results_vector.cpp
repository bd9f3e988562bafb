// A small hand-written thread pool (workers pop std::function jobs from a
// locked queue). The jobs compute checksums of data blocks.
// Races: every job appends to the shared Results vector without a lock.
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(int N) {
    for (int I = 0; I < N; ++I)
      Workers.emplace_back([this] { work(); });
  }
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> Lock(M);
      Stopping = true;
    }
    CV.notify_all();
    for (auto &W : Workers)
      W.join();
  }
  void submit(std::function<void()> Job) {
    {
      std::lock_guard<std::mutex> Lock(M);
      Jobs.push(std::move(Job));
    }
    CV.notify_one();
  }

private:
  void work() {
    for (;;) {
      std::function<void()> Job;
      {
        std::unique_lock<std::mutex> Lock(M);
        CV.wait(Lock, [this] { return Stopping || !Jobs.empty(); });
        if (Jobs.empty())
          return;
        Job = std::move(Jobs.front());
        Jobs.pop();
      }
      Job();
    }
  }
  std::mutex M;
  std::condition_variable CV;
  std::queue<std::function<void()>> Jobs;
  bool Stopping = false;
  std::vector<std::thread> Workers;
};

std::vector<unsigned> Results;

unsigned checksum(int Block) {
  unsigned H = 2166136261u;
  for (int I = 0; I < 4096; ++I)
    H = (H ^ static_cast<unsigned>(Block * 31 + I)) * 16777619u;
  return H;
}

int main() {
  Results.reserve(64);
  {
    ThreadPool Pool(3);
    for (int B = 0; B < 40; ++B)
      Pool.submit([B] {
        unsigned Sum = checksum(B);
        Results.push_back(Sum); // expect-race: Results
      });
  }
  unsigned X = 0;
  for (unsigned R : Results)
    X ^= R;
  std::printf("%zu blocks, xor %08x\n", Results.size(), X);
  return 0;
}
