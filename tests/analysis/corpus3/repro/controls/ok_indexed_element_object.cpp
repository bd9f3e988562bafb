// Control for fp_range_for_element_object.cpp: &Workers[I] by index is silent.
#include <thread>
#include <vector>
struct Shard { long Views = 0; };
struct Worker {
  long Views = 0;
  void run() { for (int I = 0; I < 1000; ++I) ++Views; }
};
int main() {
  std::vector<Shard> Shards(4);
  std::vector<Worker> Workers;
  for (int I = 0; I < 4; ++I) Workers.push_back(Worker{});
  std::vector<std::thread> Threads;
  for (size_t I = 0; I < Workers.size(); ++I) Threads.emplace_back(&Worker::run, &Workers[I]);
  for (auto &T : Threads) T.join();
}
