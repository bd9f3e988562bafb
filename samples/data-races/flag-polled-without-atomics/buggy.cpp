// A server runs a heartbeat thread that tells the monitoring service "still
// alive" once per round, until main asks it to stop at shutdown by setting
// the flag `Stop`. `Stop` is a plain bool: main writes it while the
// heartbeat thread reads it, with nothing ordering the accesses. That is a
// data race, and it lets the compiler assume that no other thread changes
// `Stop` while the loop runs: it may read the flag once and loop for ever.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>

constexpr int BeatsBeforeShutdown = 100;
// A safety net for this lesson only: should the compiler read Stop once and
// never again (see README.md), the loop still ends, after MaxBeats rounds.
constexpr int MaxBeats = 100000;

bool Stop = false; // set by main at shutdown

// Forces the order in every run (see README.md): main asks for the stop once
// the heartbeat thread is running, and the thread checks the flag again
// after that.
racelab::HiddenGate HeartbeatRunning, StopRequested;

int heartbeatLoop() {
  int Beats = 0;
  while (!Stop && Beats < MaxBeats) { // expect-race: Stop read by the loop
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
  Stop = true; // expect-race: Stop written by main
  StopRequested.open();
  Heartbeat.join();
  std::printf("heartbeat stopped after %d beats\n", Beats);
}
