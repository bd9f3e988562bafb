// The fix: a mutex guards the shared vector, and every push_back happens
// while holding it, so only one thread at a time can change the vector.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

constexpr int Threads = 3;
constexpr int PerThread = 100;

std::vector<int> Items;
std::mutex ItemsMutex; // guards Items

void append(int Thread) {
  for (int I = 0; I < PerThread; ++I) {
    std::lock_guard<std::mutex> Lock(ItemsMutex);
    Items.push_back(Thread * PerThread + I);
  }
}

int main() {
  std::thread Workers[Threads];
  for (int T = 0; T < Threads; ++T)
    Workers[T] = std::thread([T] { append(T); });
  for (std::thread &W : Workers)
    W.join();

  // After join() no other thread touches Items: no lock needed here.
  long Sum = 0;
  for (int X : Items)
    Sum += X;
  std::printf("%zu items (expected %d), sum %ld (expected %d)\n", Items.size(),
              Threads * PerThread, Sum,
              Threads * PerThread * (Threads * PerThread - 1) / 2);
}
