// The fix: the flusher is a std::jthread (C++20) and is stopped through its
// std::stop_token. request_stop() and stop_requested() are synchronised (the
// stop state is atomic), so there is no race on the flag; and ~jthread calls
// request_stop() and then join() by itself, so no path out of the scope can
// leave the thread running or joinable.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

std::mutex LogMutex;               // guards Pending
std::vector<std::string> Pending;  // lines logged, not yet written
int Written = 0;                   // only the flusher touches it

// The same forced interleaving as in buggy.cpp: the fix must hold up under it.
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

// jthread passes its own stop_token as the first argument.
void flusher(std::stop_token Stop) {
  while (!Stop.stop_requested()) {
    flushPending();
    FlusherRunning.open();
    std::this_thread::yield();
  }
  flushPending(); // the last lines logged before the stop request
}

int main() {
  {
    std::jthread Flusher(flusher);
    log("service started");
    log("3 jobs queued");
    log("service stopping");
    FlusherRunning.wait();
  } // ~jthread: request_stop(), then join()
  std::printf("flusher stopped after %d lines\n", Written);
}
