// A logger hands its lines to a background flusher thread, which writes
// them out until it is told to stop; a final flush writes what is left.
// The bug: "told to stop" is a plain bool. main writes Stop while the
// flusher reads it in its loop condition, with nothing ordering the two:
// a data race, undefined behaviour (an optimiser may read Stop once and
// loop for ever). And the thread has to be joined by hand: a return or an
// exception between the start and the join() would reach ~thread while
// the thread is joinable, which calls std::terminate.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::mutex LogMutex;               // guards Pending
std::vector<std::string> Pending;  // lines logged, not yet written
int Written = 0;                   // only the flusher touches it
bool Stop = false;                 // set by main to end the flusher

// Forces the bad interleaving (see README.md): main asks the flusher to
// stop only after the flusher has read Stop at least once.
racelab::HiddenGate FlusherRunning;

void log(std::string Line) {
  std::lock_guard<std::mutex> Lock(LogMutex);
  Pending.push_back(std::move(Line));
}

void flushPending() {
  std::vector<std::string> Batch;
  {
    std::lock_guard<std::mutex> Lock(LogMutex);
    Batch.swap(Pending);
  }
  for (const std::string &Line : Batch) {
    std::printf("[log] %s\n", Line.c_str());
    ++Written;
  }
}

void flusher() {
  while (!Stop) { // expect-race: Stop, read by the flusher
    flushPending();
    FlusherRunning.open();
    std::this_thread::yield();
  }
  flushPending(); // the last lines logged before Stop
}

int main() {
  std::thread Flusher(flusher);
  log("service started");
  log("3 jobs queued");
  log("service stopping");
  FlusherRunning.wait();
  Stop = true; // expect-race: Stop, written by main
  Flusher.join(); // by hand: every path out of main must reach this line
  std::printf("flusher stopped after %d lines\n", Written);
}
