// A tiny logger shared by all subsystems. The formatted line is written to
// the sink under the mutex, but the line counter and the "last level"
// field are updated before the lock is taken.
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
    ++LinesWritten; // expect-race: LinesWritten
    LastLevel = L; // expect-race: LastLevel
    std::string Line = "[" + std::string(name(L)) + "] " + Msg + "\n";
    std::lock_guard<std::mutex> Guard(SinkMutex);
    std::fputs(Line.c_str(), Sink);
  }

  unsigned long lines() const { return LinesWritten; }

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
  std::mutex SinkMutex;
  unsigned long LinesWritten = 0;
  Level LastLevel = Level::Info;
};

void networkSubsystem(Logger &Log) {
  for (int I = 0; I < 100; ++I)
    Log.log(I % 10 ? Level::Debug : Level::Warn, "packet " + std::to_string(I));
}

void storageSubsystem(Logger &Log) {
  for (int I = 0; I < 100; ++I)
    Log.log(Level::Info, "flushed block " + std::to_string(I));
}

int main() {
  Logger Log(stderr);
  std::thread Net(networkSubsystem, std::ref(Log));
  std::thread Disk(storageSubsystem, std::ref(Log));
  Net.join();
  Disk.join();
  std::printf("%lu lines logged\n", Log.lines());
}
