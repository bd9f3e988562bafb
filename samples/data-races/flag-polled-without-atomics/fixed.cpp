// The fix: `Stop` is a std::atomic<bool>. Reads and writes of an atomic
// never race, and the compiler must read it again on every round of the
// loop: a store by main becomes visible to the heartbeat thread. The default
// memory order (sequentially consistent) is more than a lone stop flag
// needs; see README.md for when the order matters.
#include "racelab/interleave.h"

#include <atomic>
#include <cstdio>
#include <thread>

constexpr int BeatsBeforeShutdown = 100;
// The same safety net as in buggy.cpp; with an atomic it is never reached.
constexpr int MaxBeats = 100000;

std::atomic<bool> Stop{false}; // set by main at shutdown

// The same forced order as in buggy.cpp.
racelab::HiddenGate HeartbeatRunning, StopRequested;

int heartbeatLoop() {
  int Beats = 0;
  while (!Stop && Beats < MaxBeats) {
    ++Beats; // "still alive"
    if (Beats == BeatsBeforeShutdown) {
      HeartbeatRunning.open();
      StopRequested.wait();
    }
  }
  return Beats;
}

int main() {
  int Beats = 0;
  std::thread Heartbeat([&Beats] { Beats = heartbeatLoop(); });

  HeartbeatRunning.wait();
  Stop = true; // an atomic store: Stop.store(true)
  StopRequested.open();
  Heartbeat.join();
  std::printf("heartbeat stopped after %d beats\n", Beats);
}
