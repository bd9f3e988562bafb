// FP (clean_audio_worker_owner.cpp:52/54/63 vs 35): a std::thread member
// started in the constructor's mem-initializer list is "started more than
// once" and its join() in another member function is not matched. The same
// class with `T = std::thread(...)` in the constructor body is silent.
#include <cstdio>
#include <thread>
class Worker {
public:
  Worker() : T(&Worker::run, this) {}
  void stop() {
    T.join();
    std::printf("%ld\n", Count);
  }
private:
  void run() { ++Count; }
  long Count = 0;
  std::thread T;
};
int main() {
  Worker W;
  W.stop();
}
