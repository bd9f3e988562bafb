// Sharded event counter for a telemetry agent: every ingest thread owns one
// cache-line-sized shard, so increments never contend. A monitor thread
// prints an approximate total while ingestion runs, straight from the shards.
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>
#include <vector>

struct alignas(64) Shard {
  long Value = 0;
};

class ShardedCounter {
public:
  explicit ShardedCounter(int NumShards) : Shards(NumShards) {}

  void add(int Index, long N) {
    Shards[Index].Value += N; // expect-race: Value
  }

  long approximate() const {
    long Sum = 0;
    for (const Shard &S : Shards)
      Sum += S.Value; // expect-race: Value read while the owners bump their shards
    return Sum;
  }

private:
  std::vector<Shard> Shards;
};

static long eventsInBatch(int Ingester, int Batch) { return 1 + (Ingester * 7 + Batch * 13) % 5; }

int main() {
  constexpr int NumIngesters = 4;
  ShardedCounter Events(NumIngesters);

  std::jthread Monitor([&Events](std::stop_token Stop) {
    while (!Stop.stop_requested()) {
      std::printf("~%ld events so far\n", Events.approximate());
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });

  {
    std::vector<std::jthread> Ingesters;
    for (int I = 0; I < NumIngesters; ++I)
      Ingesters.emplace_back([&Events, I] {
        for (int Batch = 0; Batch < 50000; ++Batch)
          Events.add(I, eventsInBatch(I, Batch));
      });
  } // the ingesters join here

  Monitor.request_stop();
  Monitor.join();
  std::printf("total %ld events\n", Events.approximate());
}
