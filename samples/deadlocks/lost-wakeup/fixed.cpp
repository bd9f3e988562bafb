// The fix: wait for the *condition*, not for the notification.
// JobReady.wait(Lock, Predicate) checks the predicate under the lock before
// it sleeps and again after every wakeup, so a job queued before the
// printer starts waiting is seen at once, and a spurious wakeup (which the
// standard allows) goes back to sleep. The notification is only a hint to
// look again; the queue, guarded by the mutex, is the truth.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

std::mutex M;                     // guards Jobs
std::deque<std::string> Jobs;     // print jobs, oldest first
std::condition_variable JobReady; // notified when a job is queued

void printer() {
  std::unique_lock<std::mutex> Lock(M);
  JobReady.wait(Lock, [] { return !Jobs.empty(); });
  std::string Job = Jobs.front();
  Jobs.pop_front();
  Lock.unlock();
  std::printf("printing %s\n", Job.c_str());
}

int main() {
  // No forced order here: the job may be queued before or after the
  // printer starts waiting; both work.
  std::thread Printer(printer);
  {
    std::lock_guard<std::mutex> Lock(M);
    Jobs.push_back("quarterly-report.pdf");
  }
  JobReady.notify_one();
  Printer.join();
}
