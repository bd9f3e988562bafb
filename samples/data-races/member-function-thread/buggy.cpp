// A Downloader starts its work on a thread of its own with
// std::thread(&Downloader::run, this). run() updates the member `Percent`
// while main asks for progress() from its own thread. Both functions reach
// the same member through the same `this`: a plain int shared by two threads,
// with no synchronisation between the write and the read.
#include "racelab/interleave.h"

#include <cstdio>
#include <thread>

constexpr int Chunks = 200;

// Forces main to ask for progress while the download runs (see README.md):
// run() opens it halfway through.
racelab::HiddenGate DownloadHalfway;

class Downloader {
public:
  void start() { Worker = std::thread(&Downloader::run, this); }
  int progress() const {
    return Percent; // expect-race: Percent read by the caller's thread
  }
  void wait() { Worker.join(); }

private:
  void run() {
    for (int Chunk = 1; Chunk <= Chunks; ++Chunk) {
      Received += 1024; // pretend a chunk of 1 KiB arrived
      Percent = Chunk * 100 / Chunks; // expect-race: Percent written by run()
      if (Chunk == Chunks / 2)
        DownloadHalfway.open();
    }
  }

  std::thread Worker;
  long Received = 0; // only run() touches it before wait(): no race
  int Percent = 0;
};

int main() {
  Downloader D;
  D.start();
  DownloadHalfway.wait();
  std::printf("progress: %d%%\n", D.progress());
  D.wait();
  std::printf("finished: %d%%\n", D.progress());
}
