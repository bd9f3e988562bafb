// The fix: the only variable both threads touch while both are running is an
// std::atomic counter of how many numbers were added. The sum itself stays
// private to the worker, and main reads it only after join(), which
// guarantees that everything the worker did is visible.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

constexpr int Count = 1000;

int main() {
  std::vector<int> Numbers;
  for (int I = 1; I <= Count; ++I)
    Numbers.push_back(I);

  std::atomic<int> Added{0}; // progress, safe to read at any time
  long Sum = 0;              // the result: main reads it only after join()
  std::thread Worker([&Numbers, &Added, &Sum] {
    long Local = 0;
    for (int I = 0; I < Count; ++I) {
      Local += Numbers[I];
      Added.store(I + 1);
    }
    Sum = Local;
  });

  while (Added.load() < Count / 2)
    std::this_thread::yield();
  std::printf("progress: at least %d of %d numbers added\n", Count / 2, Count);
  Worker.join();
  std::printf("sum of 1..%d = %ld\n", Count, Sum);
}
