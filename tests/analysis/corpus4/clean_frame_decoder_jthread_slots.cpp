// Video frame decoder: one std::jthread per stream decodes until it is asked
// to stop and keeps its statistics in its own slot of Stats. Correct: slot s
// is written only by stream s's thread, and main reads the slots only after
// the jthreads have been destroyed (which joins them).
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>
#include <vector>

struct StreamStats {
  long Frames = 0;
  long Bytes = 0;
};

size_t decodeFrame(int Stream, int Index) {
  size_t Size = 2048 + (Stream * 97 + Index * 31) % 1024;
  volatile unsigned Acc = 0;
  for (size_t I = 0; I < Size / 8; ++I)
    Acc = Acc + static_cast<unsigned>(I ^ Index);
  return Size;
}

int main() {
  constexpr int Streams = 3;
  std::vector<StreamStats> Stats(Streams);
  {
    std::vector<std::jthread> Decoders;
    for (int S = 0; S < Streams; ++S)
      Decoders.emplace_back([&Stats, S](std::stop_token Stop) {
        for (int I = 0; I < 400 && !Stop.stop_requested(); ++I) {
          Stats[S].Bytes += decodeFrame(S, I);
          Stats[S].Frames++;
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(4));
  } // request_stop + join for every decoder
  long Frames = 0, Bytes = 0;
  for (const StreamStats &St : Stats) {
    Frames += St.Frames;
    Bytes += St.Bytes;
  }
  std::printf("%ld frames, %ld bytes\n", Frames, Bytes);
  return 0;
}
