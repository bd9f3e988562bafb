// FP (racy_router_add_route.cpp:48): an explicit cast around the thread's
// own index hides the per-thread slice. Hits[Id] is silent; Hits[size_t(Id)]
// and Hits[static_cast<size_t>(Id)] are reported. Clean program.
#include <thread>
#include <vector>
static void work(int Id, std::vector<int> &Hits) {
  for (int I = 0; I < 100; ++I)
    ++Hits[size_t(Id)];
}
int main() {
  std::vector<int> Hits(3, 0);
  std::vector<std::thread> Ts;
  for (int T = 0; T < 3; ++T)
    Ts.emplace_back(work, T, std::ref(Hits));
  for (auto &T : Ts)
    T.join();
}
