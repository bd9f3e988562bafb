// The fix has two parts:
//  1. The lambda captures the vector by value (moved in, so no copy): the
//     data now belongs to the thread and lives as long as the thread needs
//     it, whatever happens to main's scope.
//  2. main waits for the result through a std::promise/std::future pair.
//     set_value() happens before get() returns, so main reads a finished
//     result; a flag or a sleep would not give that guarantee.
#include <cstdio>
#include <future>
#include <thread>
#include <utility>
#include <vector>

int main() {
  std::future<long> Result;
  {
    std::vector<int> Readings = {12, 15, 11, 14, 13};
    std::promise<long> SumPromise;
    Result = SumPromise.get_future();
    std::thread([Readings = std::move(Readings),
                 SumPromise = std::move(SumPromise)]() mutable {
      long Sum = 0;
      for (int R : Readings)
        Sum += R;
      SumPromise.set_value(Sum);
    }).detach();
  } // Readings here is an empty moved-from vector: destroying it frees nothing
  std::printf("sum of readings = %ld\n", Result.get());
}
