// Cache warmer: the first request on any thread builds the table of hot
// entries; later requests read it. Correct: std::call_once runs the build
// exactly once and every caller returns from call_once after it completed,
// so the reads that follow are ordered after the writes.
#include <cstdio>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

class WarmCache {
public:
  long lookup(int Key) {
    std::call_once(Once, [this] { warm(); });
    auto It = Table.find(Key);
    return It == Table.end() ? -1 : It->second;
  }

private:
  void warm() {
    for (int K = 0; K < 256; ++K) {
      long V = K;
      for (int I = 0; I < 500; ++I)
        V = (V * 48271) % 2147483647;
      Table.emplace(K, V);
    }
  }

  std::once_flag Once;
  std::unordered_map<int, long> Table;
};

int main() {
  WarmCache Cache;
  std::vector<long> Sums(4, 0);
  std::vector<std::thread> Requests;
  for (int T = 0; T < 4; ++T)
    Requests.emplace_back([&Cache, &Sums, T] {
      long S = 0;
      for (int K = T; K < 300; K += 4)
        S += Cache.lookup(K);
      Sums[T] = S;
    });
  for (auto &R : Requests)
    R.join();
  long Total = 0;
  for (long S : Sums)
    Total += S;
  std::printf("checksum %ld\n", Total);
  return 0;
}
