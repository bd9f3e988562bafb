// Printer spooler: two printer threads take jobs from a locked queue; a
// monitor thread asks for the last error. Races: only on the error path --
// when a job jams, the printer records LastError without taking the lock,
// while the other printer or the monitor touches it.
#include <chrono>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

struct Job {
  int Id;
  int Pages;
};

class Spooler {
public:
  explicit Spooler(std::vector<Job> Jobs) : Queue(Jobs.begin(), Jobs.end()) {}

  bool next(Job &J) {
    std::lock_guard<std::mutex> Lock(M);
    if (Queue.empty())
      return false;
    J = Queue.front();
    Queue.pop_front();
    return true;
  }

  void printed(int Pages) {
    std::lock_guard<std::mutex> Lock(M);
    PagesPrinted += Pages;
  }

  void jammed(int JobId) {
    LastError = JobId; // expect-race: LastError
  }

  int lastError() {
    std::lock_guard<std::mutex> Lock(M);
    return LastError; // expect-race: LastError
  }

  int pages() {
    std::lock_guard<std::mutex> Lock(M);
    return PagesPrinted;
  }

private:
  std::mutex M;
  std::deque<Job> Queue;
  int PagesPrinted = 0;
  int LastError = 0;
};

void printer(Spooler &S) {
  Job J;
  while (S.next(J)) {
    if (J.Pages > 40) { // paper tray too small: the job jams
      S.jammed(J.Id);
      // wait for the operator to clear the jam
      std::this_thread::sleep_for(std::chrono::microseconds(300));
      continue;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(J.Pages * 5));
    S.printed(J.Pages);
  }
}

int main() {
  std::vector<Job> Jobs;
  for (int I = 1; I <= 24; ++I)
    Jobs.push_back(Job{I, (I % 6 == 0) ? 50 : I % 9 + 1});
  Spooler S(Jobs);

  std::thread P1(printer, std::ref(S));
  std::thread P2(printer, std::ref(S));
  std::thread Monitor([&S] {
    for (int I = 0; I < 20; ++I) {
      if (int E = S.lastError())
        std::printf("monitor: last jam was job %d\n", E);
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
  });
  P1.join();
  P2.join();
  Monitor.join();
  std::printf("pages printed %d\n", S.pages());
  return 0;
}
