// A download worker reports its progress through an int* handed to it by
// the caller; the main thread prints a progress bar by reading the same int
// while the worker is still running.
#include <chrono>
#include <cstdio>
#include <thread>

struct Chunk {
  int Index;
  int Bytes;
};

Chunk fetchChunk(int Index) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return {Index, 4096};
}

void download(int Chunks, int *PercentDone, long *BytesDone) {
  for (int I = 0; I < Chunks; ++I) {
    Chunk C = fetchChunk(I);
    *BytesDone += C.Bytes;
    *PercentDone = (I + 1) * 100 / Chunks; // expect-race: Percent
  }
}

void drawBar(int Percent) {
  char Bar[21] = {};
  for (int I = 0; I < 20; ++I)
    Bar[I] = I < Percent / 5 ? '#' : '.';
  std::printf("\r[%s] %3d%%", Bar, Percent);
  std::fflush(stdout);
}

int main() {
  int Percent = 0;
  long Bytes = 0;
  std::thread Worker(download, 40, &Percent, &Bytes);
  while (Percent < 100) { // expect-race: Percent
    drawBar(Percent); // expect-race: Percent
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  Worker.join();
  std::printf("\n%ld bytes\n", Bytes);
}
