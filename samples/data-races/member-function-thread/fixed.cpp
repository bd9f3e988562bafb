// The fix: Percent is an std::atomic<int>. Its store in run() and its load in
// progress() may happen at the same time from different threads; the atomic
// makes each of them indivisible and orders them, so this is not a race.
#include <atomic>
#include <cstdio>
#include <thread>

constexpr int Chunks = 200;

class Downloader {
public:
  void start() { Worker = std::thread(&Downloader::run, this); }
  int progress() const { return Percent.load(); }
  void wait() { Worker.join(); }

private:
  void run() {
    for (int Chunk = 1; Chunk <= Chunks; ++Chunk) {
      Received += 1024; // pretend a chunk of 1 KiB arrived
      Percent.store(Chunk * 100 / Chunks);
    }
  }

  std::thread Worker;
  long Received = 0; // only run() touches it before wait(): no race
  std::atomic<int> Percent{0};
};

int main() {
  Downloader D;
  D.start();
  // Poll like a progress bar would; the exact value seen varies between
  // runs, so print only that the halfway mark was passed.
  while (D.progress() < 50)
    std::this_thread::yield();
  std::printf("progress: at least 50%%\n");
  D.wait();
  std::printf("finished: %d%%\n", D.progress());
}
