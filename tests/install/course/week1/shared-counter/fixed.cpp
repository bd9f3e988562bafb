// The fix: every update of Total holds the same mutex.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

long Total = 0;
std::mutex TotalMutex; // guards Total
racelab::HiddenGate FirstHalfway; // the same forced overlap as buggy.cpp

void add(int N) {
  for (int I = 0; I < N; ++I) {
    std::lock_guard<std::mutex> Lock(TotalMutex);
    Total++;
  }
}

int main() {
  std::thread A([] {
    add(500);
    FirstHalfway.open();
    add(500);
  });
  std::thread B([] {
    FirstHalfway.wait();
    add(1000);
  });
  A.join();
  B.join();
  std::printf("Total = %ld\n", Total);
}
