// A job scheduler with a fixed set of std::jthread workers. Results are
// appended under the scheduler lock; the dashboard polls how many jobs have
// completed without taking it.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <queue>
#include <stop_token>
#include <thread>
#include <vector>

struct Job {
  int Id;
  int Weight;
};

struct Result {
  int JobId;
  long Checksum;
};

class Scheduler {
public:
  explicit Scheduler(int NumWorkers) {
    for (int I = 0; I < NumWorkers; ++I)
      Workers.emplace_back([this](std::stop_token Stop) { work(Stop); });
  }

  void submit(Job J) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Pending.push(J);
    }
    Ready.notify_one();
  }

  size_t completedCount() const {
    return Completed.size(); // expect-race: Completed size read without the lock
  }

  std::vector<Result> results() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Completed;
  }

  void shutdown() { Workers.clear(); }

private:
  static long compute(const Job &J) {
    long Sum = 0;
    for (int I = 0; I < J.Weight * 20000; ++I)
      Sum = (Sum * 31 + I) % 1000003;
    return Sum;
  }

  void work(std::stop_token Stop) {
    for (;;) {
      Job J;
      {
        std::unique_lock<std::mutex> Lock(Mutex);
        if (!Ready.wait(Lock, Stop, [this] { return !Pending.empty(); }))
          return;
        J = Pending.front();
        Pending.pop();
      }
      Result R{J.Id, compute(J)};
      std::lock_guard<std::mutex> Lock(Mutex);
      Completed.push_back(R); // expect-race: Completed
    }
  }

  std::mutex Mutex;
  std::condition_variable_any Ready;
  std::queue<Job> Pending;
  std::vector<Result> Completed;
  std::vector<std::jthread> Workers;
};

int main() {
  Scheduler Sched(3);
  constexpr size_t NumJobs = 120;
  for (size_t I = 0; I < NumJobs; ++I)
    Sched.submit(Job{static_cast<int>(I), 1 + static_cast<int>(I % 9)});
  while (Sched.completedCount() < NumJobs) {
    std::printf("dashboard: %zu/%zu done\n", Sched.completedCount(), NumJobs);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  Sched.shutdown();
  long Total = 0;
  for (const Result &R : Sched.results())
    Total += R.Checksum;
  std::printf("all jobs done, checksum %ld\n", Total);
}
