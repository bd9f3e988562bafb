// A video encoder object that starts its worker thread from the constructor.
// The worker updates the status text and frame count; the UI polls them
// through getters that take no lock.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

class Encoder {
public:
  explicit Encoder(int Frames) : TotalFrames(Frames) {
    Worker = std::thread(&Encoder::encodeAll, this);
  }
  ~Encoder() {
    if (Worker.joinable())
      Worker.join();
  }

  std::string status() const { return Status; } // expect-race: Status
  int framesDone() const { return FramesDone; } // expect-race: FramesDone
  void wait() { Worker.join(); }

private:
  void encodeAll() {
    Status = "encoding"; // expect-race: Status
    for (int F = 0; F < TotalFrames; ++F) {
      encodeFrame(F);
      FramesDone = F + 1; // expect-race: FramesDone
    }
    Status = "done"; // expect-race: Status
  }

  void encodeFrame(int F) {
    std::this_thread::sleep_for(std::chrono::microseconds(200 + F % 5));
  }

  const int TotalFrames;
  int FramesDone = 0;
  std::string Status = "idle";
  std::thread Worker;
};

int main() {
  Encoder Enc(300);
  for (int I = 0; I < 10; ++I) {
    std::printf("%s: %d frames\n", Enc.status().c_str(), Enc.framesDone());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  Enc.wait();
  std::printf("finished: %d frames\n", Enc.framesDone());
}
