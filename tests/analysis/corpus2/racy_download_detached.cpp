// Download with a progress bar: the transfer runs on a detached thread and
// the UI loop polls its state.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

struct DownloadState {
  double Progress = 0.0;
  bool Finished = false;
  size_t BytesReceived = 0;
};

static DownloadState State;

static size_t receiveChunk(size_t Offset, size_t Total) {
  std::this_thread::sleep_for(std::chrono::microseconds(300));
  size_t Chunk = 16 * 1024;
  return Offset + Chunk > Total ? Total - Offset : Chunk;
}

static void download(std::string Url, size_t TotalBytes) {
  std::printf("GET %s\n", Url.c_str());
  size_t Got = 0;
  while (Got < TotalBytes) {
    Got += receiveChunk(Got, TotalBytes);
    State.BytesReceived = Got;
    State.Progress = double(Got) / double(TotalBytes); // expect-race: Progress
  }
  State.Finished = true; // expect-race: Finished
}

static void drawBar(double Fraction) {
  int Filled = int(Fraction * 40);
  std::printf("\r[");
  for (int I = 0; I < 40; ++I)
    std::putchar(I < Filled ? '#' : ' ');
  std::printf("] %3.0f%%", Fraction * 100);
  std::fflush(stdout);
}

int main() {
  std::thread(download, std::string("http://mirror.example/iso"), size_t(1) << 21).detach();
  while (!State.Finished) { // expect-race: Finished
    drawBar(State.Progress); // expect-race: Progress
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::printf("\ndone\n");
  return 0;
}
