// An audio effect processor that owns its worker thread: the constructor
// starts it, stop() asks it to finish and joins it. Commands travel through
// a mutex-protected queue; the worker's own counters are read only after
// the join.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

struct Command {
  enum Kind { SetGain, Process, Quit } K;
  float Value;
};

class EffectProcessor {
public:
  EffectProcessor() : Worker(&EffectProcessor::run, this) {}

  ~EffectProcessor() {
    if (Worker.joinable())
      stop();
  }

  void send(Command C) {
    std::lock_guard<std::mutex> L(M);
    Commands.push_back(C);
    CV.notify_one();
  }

  void stop() {
    send(Command{Command::Quit, 0});
    Worker.join();
    std::printf("processed %ld blocks, peak %.3f, gain %.2f\n", BlocksProcessed, Peak, Gain);
  }

private:
  Command next() {
    std::unique_lock<std::mutex> L(M);
    CV.wait(L, [this] { return !Commands.empty(); });
    Command C = Commands.front();
    Commands.pop_front();
    return C;
  }

  void processBlock(float Level) {
    std::vector<float> Block(256);
    for (size_t I = 0; I < Block.size(); ++I) {
      Block[I] = Level * Gain * float(I % 16) / 16.0f;
      if (Block[I] > Peak)
        Peak = Block[I];
    }
    ++BlocksProcessed;
  }

  void run() {
    for (;;) {
      Command C = next();
      if (C.K == Command::Quit)
        return;
      if (C.K == Command::SetGain)
        Gain = C.Value;
      else
        processBlock(C.Value);
    }
  }

  std::mutex M;
  std::condition_variable CV;
  std::deque<Command> Commands;
  float Gain = 1.0f;
  float Peak = 0.0f;
  long BlocksProcessed = 0;
  std::thread Worker; // last: started after every other member exists
};

int main() {
  EffectProcessor Fx;
  for (int I = 0; I < 500; ++I) {
    if (I % 100 == 0)
      Fx.send(Command{Command::SetGain, 0.5f + float(I) / 1000.0f});
    Fx.send(Command{Command::Process, float(I % 10) / 10.0f});
  }
  Fx.stop();
  return 0;
}
