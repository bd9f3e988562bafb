// A shop service starts two threads at once: a loader that reads the
// database settings, and a worker that connects to the database. The worker
// assumes the settings are already loaded, "because loading is quick".
// Nothing makes that true: the order the code relies on (load, then use) is
// never established, so the worker can read the settings before the loader
// has written them. It then connects to the built-in defaults, a developer's
// local database, instead of the shop's. This is an order violation; because
// the settings are plain variables, it is also a data race.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>

struct DbSettings {
  const char *Host = "localhost"; // the defaults, for a developer's machine
  int Port = 5432;
};

DbSettings Settings; // written by the loader, read by the worker

void loadSettings() {
  // A real service would parse a file here.
  Settings.Host = "db.shop.internal"; // expect-race: Settings.Host
  Settings.Port = 6432;               // expect-race: Settings.Port
  std::printf("loader: settings loaded\n");
}

void connect() {
  const char *Host = Settings.Host; // expect-race: Settings.Host
  int Port = Settings.Port;         // expect-race: Settings.Port
  std::printf("worker: connecting to %s:%d\n", Host, Port);
}

// Forces the unlucky order (see README.md): the loader is slow to start
// and writes the settings only after the worker has read them.
racelab::HiddenGate WorkerRead;

int main() {
  std::thread Loader([] {
    WorkerRead.wait();
    loadSettings();
  });
  std::thread Worker([] {
    connect();
    WorkerRead.open();
  });
  Loader.join();
  Worker.join();
}
