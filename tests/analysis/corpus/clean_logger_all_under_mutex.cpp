// The fixed logger: the counters and the sink are all updated inside one
// critical section; the getter takes the same mutex.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

enum class Level { Debug, Info, Warn, Error };

class Logger {
public:
  explicit Logger(std::FILE *Sink) : Sink(Sink) {}

  void log(Level L, const std::string &Msg) {
    std::string Line = "[" + std::string(name(L)) + "] " + Msg + "\n";
    std::lock_guard<std::mutex> Guard(Mutex);
    ++LinesWritten;
    LastLevel = L;
    std::fputs(Line.c_str(), Sink);
  }

  unsigned long lines() const {
    std::lock_guard<std::mutex> Guard(Mutex);
    return LinesWritten;
  }

private:
  static const char *name(Level L) {
    switch (L) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warn";
    case Level::Error: return "error";
    }
    return "?";
  }

  std::FILE *Sink;
  mutable std::mutex Mutex;
  unsigned long LinesWritten = 0;
  Level LastLevel = Level::Info;
};

int main() {
  Logger Log(stderr);
  std::vector<std::thread> Subsystems;
  for (int S = 0; S < 3; ++S)
    Subsystems.emplace_back([&Log, S] {
      for (int I = 0; I < 100; ++I)
        Log.log(I % 10 ? Level::Debug : Level::Warn,
                "subsystem " + std::to_string(S) + " event " + std::to_string(I));
    });
  std::thread Watcher([&Log] {
    for (int I = 0; I < 10; ++I)
      std::printf("%lu lines so far\n", Log.lines());
  });
  for (auto &T : Subsystems)
    T.join();
  Watcher.join();
  std::printf("%lu lines logged\n", Log.lines());
}
