// FN: the producer sets Ready without the mutex; the consumer reads it in
// the predicate of condition_variable::wait, under M. The predicate lambda's
// read is not seen: the same code with 'while (!Ready) CV.wait(Lock);' is
// reported.
#include <condition_variable>
#include <mutex>
#include <thread>
std::mutex M;
std::condition_variable CV;
bool Ready = false;
int main() {
  std::thread Producer([] {
    Ready = true; // expect-race: Ready
    CV.notify_one();
  });
  std::unique_lock<std::mutex> Lock(M);
  CV.wait(Lock, [] { return Ready; }); // expect-race: Ready
  Lock.unlock();
  Producer.join();
}
