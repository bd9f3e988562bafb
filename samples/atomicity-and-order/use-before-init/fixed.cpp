// The fix: the order "load, then use" is made explicit with a std::latch.
// The loader counts it down after writing the settings; the worker waits on
// it before reading them. The worker may still be started first, but it
// cannot read the settings until they are written, and the latch makes the
// loader's writes visible to it.
#include "racelab/interleave.h"

#include <cstdio>
#include <latch>
#include <thread>

struct DbSettings {
  const char *Host = "localhost"; // the defaults, for a developer's machine
  int Port = 5432;
};

DbSettings Settings;         // written by the loader, read by the worker
std::latch SettingsLoaded{1}; // counted down once the settings are written

void loadSettings() {
  // A real service would parse a file here.
  Settings.Host = "db.shop.internal";
  Settings.Port = 6432;
  std::printf("loader: settings loaded\n");
  SettingsLoaded.count_down(); // publishes the writes above
}

void connect() {
  SettingsLoaded.wait(); // returns only after count_down()
  const char *Host = Settings.Host;
  int Port = Settings.Port;
  std::printf("worker: connecting to %s:%d\n", Host, Port);
}

// The same unlucky timing as in buggy.cpp: the worker runs first, the
// loader starts only once the worker is under way.
racelab::HiddenGate WorkerStarted;

int main() {
  std::thread Loader([] {
    WorkerStarted.wait();
    loadSettings();
  });
  std::thread Worker([] {
    WorkerStarted.open();
    connect();
  });
  Loader.join();
  Worker.join();
}
