// Video frame decoder: std::jthread workers decode frames from their own
// streams until asked to stop. Races: every worker adds to the shared
// DecodeStats fields Frames and Bytes without a lock.
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>
#include <vector>

struct DecodeStats {
  long Frames = 0;
  long Bytes = 0;
};

DecodeStats Stats;

size_t decodeFrame(int Stream, int Index) {
  size_t Size = 4096 + (Stream * 131 + Index * 17) % 2048;
  volatile unsigned Acc = 0;
  for (size_t I = 0; I < Size / 16; ++I)
    Acc = Acc + static_cast<unsigned>(I * Index);
  return Size;
}

void decoder(std::stop_token Stop, int Stream) {
  for (int Index = 0; Index < 500 && !Stop.stop_requested(); ++Index) {
    size_t Size = decodeFrame(Stream, Index);
    Stats.Frames++;      // expect-race: Frames
    Stats.Bytes += Size; // expect-race: Bytes
  }
}

int main() {
  {
    std::vector<std::jthread> Decoders;
    for (int S = 0; S < 3; ++S)
      Decoders.emplace_back(decoder, S);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    for (auto &D : Decoders)
      D.request_stop();
  } // jthreads join here
  std::printf("decoded %ld frames, %ld bytes\n", Stats.Frames, Stats.Bytes);
  return 0;
}
