// Priority job scheduler owning its worker threads. Shutdown is signalled
// through a plain bool.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

struct Job {
  int Priority;
  std::function<void()> Fn;
  bool operator<(const Job &O) const { return Priority < O.Priority; }
};

class JobScheduler {
public:
  explicit JobScheduler(int NumWorkers) {
    for (int I = 0; I < NumWorkers; ++I)
      Workers.emplace_back([this, I] { workerMain(I); });
  }

  ~JobScheduler() { shutdown(); }

  void submit(int Priority, std::function<void()> Fn) {
    {
      std::lock_guard<std::mutex> L(M);
      Jobs.push(Job{Priority, std::move(Fn)});
    }
    CV.notify_one();
  }

  void shutdown() {
    Running = false; // expect-race: Running
    CV.notify_all();
    for (auto &T : Workers)
      if (T.joinable())
        T.join();
  }

  long completed() const { return Completed.load(); }

private:
  void workerMain(int WorkerId) {
    while (Running) { // expect-race: Running
      std::unique_lock<std::mutex> L(M);
      if (!CV.wait_for(L, std::chrono::milliseconds(10),
                       [this] { return !Jobs.empty(); }))
        continue;
      Job J = Jobs.top();
      Jobs.pop();
      L.unlock();
      J.Fn();
      Completed.fetch_add(1);
    }
    std::printf("worker %d exits\n", WorkerId);
  }

  std::vector<std::thread> Workers;
  std::priority_queue<Job> Jobs;
  std::mutex M;
  std::condition_variable CV;
  bool Running = true;
  std::atomic<long> Completed{0};
};

static std::atomic<unsigned long> Checksum{0};

static void crunch(int N) {
  unsigned long H = 1469598103934665603ul;
  for (int I = 0; I < N; ++I)
    H = (H ^ unsigned(I)) * 1099511628211ul;
  Checksum.fetch_xor(H);
}

int main() {
  JobScheduler Scheduler(3);
  for (int I = 0; I < 200; ++I)
    Scheduler.submit(I % 5, [I] { crunch(1000 + I); });
  while (Scheduler.completed() < 200)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Scheduler.shutdown();
  std::printf("checksum %lx\n", Checksum.load());
  return 0;
}
