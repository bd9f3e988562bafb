// The encoder object from the racy version, fixed: status and progress are
// updated and read under a mutex; the worker is joined before the final
// read.
#include <chrono>
#include <cstdio>
#include <mutex>
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

  std::string status() const {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Status;
  }
  int framesDone() const {
    std::lock_guard<std::mutex> Lock(Mutex);
    return FramesDone;
  }
  void wait() { Worker.join(); }

private:
  void setStatus(const char *S) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Status = S;
  }

  void encodeAll() {
    setStatus("encoding");
    for (int F = 0; F < TotalFrames; ++F) {
      std::this_thread::sleep_for(std::chrono::microseconds(200 + F % 5));
      std::lock_guard<std::mutex> Lock(Mutex);
      FramesDone = F + 1;
    }
    setStatus("done");
  }

  const int TotalFrames;
  mutable std::mutex Mutex;
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
