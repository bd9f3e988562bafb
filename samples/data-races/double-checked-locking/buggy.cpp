// Lazy initialisation with "double-checked locking": settings() checks a
// plain bool without the lock to skip the mutex on the fast path, and only
// takes the lock to create the object. The unlocked check is the bug: the
// thread that skips the lock never synchronises with the thread that built
// the object, so it reads the flag, the pointer and the object's fields
// while another thread wrote them, with nothing ordering the accesses. On a
// real machine it may see the flag set but the pointer or the fields not yet.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

struct Settings {
  int Port;
  int Retries;
};

Settings *loadSettings() {
  std::printf("loading settings\n");
  return new Settings{8080, 3}; // expect-race: Settings fields written here
}

Settings *Instance = nullptr;
bool Initialized = false;
std::mutex InitMutex;

Settings &settings() {
  if (!Initialized) { // expect-race: Initialized read without the lock
    std::lock_guard<std::mutex> Lock(InitMutex);
    if (!Initialized) {
      Instance = loadSettings(); // expect-race: Instance
      Initialized = true;        // expect-race: Initialized
    }
  }
  return *Instance; // expect-race: Instance read without the lock
}

int SeenPort[2]; // what each thread saw; main prints it after join()

void worker(int Id) {
  SeenPort[Id] = settings().Port; // expect-race: Settings fields read here
}

// Forces the unlucky order (see README.md): thread 0 initialises first, then
// thread 1 takes the fast path, which skips the lock.
racelab::HiddenGate FirstInitialised;

int main() {
  std::thread A([] {
    worker(0);
    FirstInitialised.open();
  });
  std::thread B([] {
    FirstInitialised.wait();
    worker(1);
  });
  A.join();
  B.join();
  std::printf("thread 0 saw port %d\nthread 1 saw port %d\n", SeenPort[0],
              SeenPort[1]);
}
