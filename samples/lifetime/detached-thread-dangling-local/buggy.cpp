// A detached thread captures a local std::vector by reference. The vector's
// scope ends, its destructor frees its heap buffer, and the thread, which
// nobody waits for, reads that buffer afterwards: a use after free. The
// reference in the lambda does not keep the vector alive; nothing does.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>
#include <vector>

// Force the unlucky order (see README.md): the thread starts reading only
// after main has left the block (ScopeEnded), and main waits for the thread
// (ThreadDone) only so that the process does not exit before the read.
racelab::HiddenGate ScopeEnded;
racelab::HiddenGate ThreadDone;

int main() {
  {
    std::vector<int> Readings = {12, 15, 11, 14, 13};
    std::thread([&Readings] { // expect-dangling-capture: Readings outlives its scope
      ScopeEnded.wait();
      long Sum = 0;
      for (int R : Readings) // expect-use-after-free: Readings, buffer already freed
        Sum += R;
      std::printf("sum of readings = %ld\n", Sum);
      ThreadDone.open();
    }).detach();
  } // expect-use-after-free: Readings is destroyed here, its buffer freed
  ScopeEnded.open();
  ThreadDone.wait();
}
