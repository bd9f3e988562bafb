// FP (clean_feature_flags_snapshot.cpp:54): each thread gets std::ref to its
// own element; with Counts[W] it is silent, with Counts[size_t(W)] all
// threads are taken to write the same element. Clean program.
#include <thread>
#include <vector>
static void work(int &Count) {
  for (int I = 0; I < 100; ++I)
    ++Count;
}
int main() {
  std::vector<int> Counts(3, 0);
  std::vector<std::thread> Ts;
  for (int W = 0; W < 3; ++W)
    Ts.emplace_back(work, std::ref(Counts[size_t(W)]));
  for (auto &T : Ts)
    T.join();
}
