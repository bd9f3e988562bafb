// Buffered logger: producers append lines, a flusher thread writes them out.
// Appending and flushing each take "their" mutex, but they touch the same
// buffer.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

enum class Level { Debug, Info, Warn };

static const char *levelName(Level L) {
  switch (L) {
  case Level::Debug: return "DEBUG";
  case Level::Info: return "INFO";
  case Level::Warn: return "WARN";
  }
  return "?";
}

class BufferedLogger {
public:
  void log(Level Lvl, const std::string &Msg) {
    std::string Line = std::string("[") + levelName(Lvl) + "] " + Msg;
    std::lock_guard<std::mutex> L(BufferMutex);
    Buffer.push_back(std::move(Line)); // expect-race: Buffer
  }

  void flush() {
    std::lock_guard<std::mutex> L(SinkMutex);
    for (const std::string &Line : Buffer) // expect-race: Buffer
      Sink << Line << '\n'; // expect-race: Buffer
    Buffer.clear(); // expect-race: Buffer
  }

  size_t bytesWritten() {
    std::lock_guard<std::mutex> L(SinkMutex);
    return Sink.str().size();
  }

private:
  std::mutex BufferMutex;
  std::mutex SinkMutex;
  std::vector<std::string> Buffer;
  std::ostringstream Sink;
};

static void service(BufferedLogger &Log, int Id) {
  for (int I = 0; I < 300; ++I) {
    if (I % 100 == 0)
      Log.log(Level::Warn, "service " + std::to_string(Id) + " slow tick");
    else
      Log.log(Level::Debug, "service " + std::to_string(Id) + " tick " + std::to_string(I));
  }
}

int main() {
  BufferedLogger Log;
  std::atomic<bool> Stop{false};
  std::thread Flusher([&] {
    while (!Stop.load(std::memory_order_acquire)) {
      Log.flush();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });

  std::vector<std::thread> Services;
  for (int Id = 0; Id < 3; ++Id)
    Services.emplace_back(service, std::ref(Log), Id);
  for (auto &S : Services)
    S.join();

  Stop.store(true, std::memory_order_release);
  Flusher.join();
  Log.flush();
  std::printf("%zu bytes logged\n", Log.bytesWritten());
  return 0;
}
