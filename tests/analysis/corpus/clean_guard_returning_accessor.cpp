// A statistics block whose lock is taken through a helper that returns the
// guard (std::unique_lock is movable). Callers keep the guard alive while
// they touch the fields.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct ServerStats {
  long Requests = 0;
  long Bytes = 0;
  long Errors = 0;
};

class StatsRegistry {
public:
  std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(Mutex); }
  ServerStats &raw() { return Stats; }

private:
  std::mutex Mutex;
  ServerStats Stats;
};

StatsRegistry Registry;

void serve(int Conn) {
  for (int I = 0; I < 1000; ++I) {
    long Size = 200 + (I * Conn) % 800;
    auto Guard = Registry.lock();
    ServerStats &S = Registry.raw();
    ++S.Requests;
    S.Bytes += Size;
    if (Size > 900)
      ++S.Errors;
  }
}

void printStats(const char *When) {
  auto Guard = Registry.lock();
  const ServerStats &S = Registry.raw();
  std::printf("%s: %ld requests, %ld bytes, %ld errors\n", When, S.Requests,
              S.Bytes, S.Errors);
}

int main() {
  std::vector<std::thread> Connections;
  for (int C = 1; C <= 4; ++C)
    Connections.emplace_back(serve, C);
  std::thread Reporter([] {
    for (int I = 0; I < 5; ++I)
      printStats("progress");
  });
  for (auto &T : Connections)
    T.join();
  Reporter.join();
  printStats("final");
}
