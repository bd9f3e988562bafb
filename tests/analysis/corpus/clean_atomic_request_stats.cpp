// Request statistics kept in atomics with relaxed increments; the totals
// are read by a reporter thread while requests are served (atomic loads) and
// by main after the joins.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

struct Stats {
  std::atomic<long> Requests{0};
  std::atomic<long> Bytes{0};
  std::atomic<long> MaxLatencyUs{0};
};

Stats Global;

void updateMax(std::atomic<long> &Max, long Value) {
  long Seen = Max.load(std::memory_order_relaxed);
  while (Value > Seen &&
         !Max.compare_exchange_weak(Seen, Value, std::memory_order_relaxed))
    ;
}

void serve(int Conn) {
  for (int I = 0; I < 2000; ++I) {
    long Size = 100 + (I * Conn) % 900;
    Global.Requests.fetch_add(1, std::memory_order_relaxed);
    Global.Bytes += Size;
    updateMax(Global.MaxLatencyUs, Size / 3);
  }
}

int main() {
  std::vector<std::thread> Servers;
  for (int C = 1; C <= 4; ++C)
    Servers.emplace_back(serve, C);
  std::thread Reporter([] {
    for (int I = 0; I < 5; ++I) {
      std::printf("so far: %ld requests\n", Global.Requests.load());
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  for (auto &S : Servers)
    S.join();
  Reporter.join();
  std::printf("%ld requests, %ld bytes, max latency %ld us\n",
              Global.Requests.load(), Global.Bytes.load(),
              Global.MaxLatencyUs.load());
}
