// Page-view counter of an analytics collector, sharded per ingest thread.
// Each ShardWorker owns its shard and is the only one writing it; the totals
// are summed after the workers are joined. Progress for the console goes
// through a separate relaxed atomic.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

struct alignas(64) Shard {
  long Views = 0;
  long UniquePaths = 0;
  std::map<std::string, long> PerPath;
};

class ShardWorker {
public:
  ShardWorker(Shard &Mine, unsigned Seed, std::atomic<long> &Progress)
      : Mine(Mine), Seed(Seed), Progress(Progress) {}

  void run() {
    static const char *const Paths[] = {"/", "/pricing", "/docs", "/blog", "/login"};
    unsigned State = Seed;
    for (int Event = 0; Event < 20000; ++Event) {
      State = State * 1103515245u + 12345u;
      long &Count = Mine.PerPath[Paths[(State >> 16) % 5]];
      if (Count++ == 0)
        ++Mine.UniquePaths;
      ++Mine.Views;
      if (Event % 1000 == 0)
        Progress.fetch_add(1000, std::memory_order_relaxed);
    }
  }

private:
  Shard &Mine;
  unsigned Seed;
  std::atomic<long> &Progress;
};

int main() {
  constexpr int NumShards = 4;
  std::vector<Shard> Shards(NumShards);
  std::atomic<long> Progress{0};
  std::vector<ShardWorker> Workers;
  for (int I = 0; I < NumShards; ++I)
    Workers.emplace_back(Shards[I], I * 17u + 3u, Progress);

  std::atomic<bool> Finished{false};
  std::thread Console([&Progress, &Finished] {
    while (!Finished.load()) {
      std::printf("progress ~%ld events\n", Progress.load(std::memory_order_relaxed));
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  std::vector<std::thread> Threads;
  for (ShardWorker &W : Workers)
    Threads.emplace_back(&ShardWorker::run, &W);
  for (std::thread &T : Threads)
    T.join();
  Finished = true;
  Console.join();

  long Views = 0;
  std::map<std::string, long> Merged;
  for (const Shard &S : Shards) {
    Views += S.Views;
    for (const auto &[Path, N] : S.PerPath)
      Merged[Path] += N;
  }
  for (const auto &[Path, N] : Merged)
    std::printf("%-9s %ld\n", Path.c_str(), N);
  std::printf("total %ld views\n", Views);
}
