// The fix: a function-local static ("magic static"). Since C++11 the
// compiler guarantees that the initialiser runs exactly once, that other
// threads calling settings() meanwhile wait for it, and that every caller
// sees the finished object. The compiler emits the double-checked locking
// for us, correctly (a guard variable read with acquire semantics).
#include <cstdio>
#include <thread>

struct Settings {
  int Port;
  int Retries;
};

Settings *loadSettings() {
  std::printf("loading settings\n");
  return new Settings{8080, 3};
}

Settings &settings() {
  static Settings *Instance = loadSettings(); // runs once, thread-safe
  return *Instance;
}

int SeenPort[2]; // what each thread saw; main prints it after join()

void worker(int Id) { SeenPort[Id] = settings().Port; }

int main() {
  // No forced order here: whichever thread comes first loads the settings,
  // and the other one waits for it if it arrives in the middle.
  std::thread A([] { worker(0); });
  std::thread B([] { worker(1); });
  A.join();
  B.join();
  std::printf("thread 0 saw port %d\nthread 1 saw port %d\n", SeenPort[0],
              SeenPort[1]);
}
