// Printer spooler with worker threads fed by a condition variable. Jobs that
// jam are recorded as errors. Correct: the queue, the statistics and the
// error record (also on the jam path) are only accessed under the spooler
// mutex; shutdown is a flag under the same mutex.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

struct PrintJob {
  int Id;
  int Pages;
};

class Spooler {
public:
  void submit(PrintJob J) {
    { std::lock_guard<std::mutex> Lock(M); Queue.push_back(J); }
    Ready.notify_one();
  }
  void shutdown() {
    { std::lock_guard<std::mutex> Lock(M); Stopping = true; }
    Ready.notify_all();
  }
  void printerLoop() {
    for (;;) {
      PrintJob J;
      {
        std::unique_lock<std::mutex> Lock(M);
        Ready.wait(Lock, [this] { return Stopping || !Queue.empty(); });
        if (Queue.empty())
          return;
        J = Queue.front();
        Queue.pop_front();
      }
      if (J.Pages > 30) {
        std::lock_guard<std::mutex> Lock(M);
        LastJam = J.Id;
        ++Jams;
        continue;
      }
      std::lock_guard<std::mutex> Lock(M);
      Pages += J.Pages;
    }
  }
  void report() {
    std::lock_guard<std::mutex> Lock(M);
    std::printf("pages %d, jams %d (last job %d)\n", Pages, Jams, LastJam);
  }

private:
  std::mutex M;
  std::condition_variable Ready;
  std::deque<PrintJob> Queue;
  bool Stopping = false;
  int Pages = 0, Jams = 0, LastJam = 0;
};

int main() {
  Spooler S;
  std::vector<std::thread> Printers;
  for (int P = 0; P < 2; ++P)
    Printers.emplace_back(&Spooler::printerLoop, &S);
  for (int I = 1; I <= 30; ++I) {
    S.submit(PrintJob{I, I % 7 == 0 ? 40 : I % 5 + 1});
    if (I % 10 == 0)
      S.report();
  }
  S.shutdown();
  for (auto &T : Printers)
    T.join();
  S.report();
  return 0;
}
