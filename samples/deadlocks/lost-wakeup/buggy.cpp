// A print spooler: main queues a job and notifies the printer thread, which
// waits on a condition variable for work. The bug: the printer waits with a
// bare JobReady.wait(Lock), without first checking whether a job is already
// queued. A notification wakes only threads that are waiting at that
// moment; it is not stored. If main queues the job and notifies before the
// printer has started waiting, the wakeup is lost, and the printer waits
// for a notification that has already come and gone: for ever.
#include "racelab/interleave.h"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

std::mutex M;                     // guards Jobs
std::deque<std::string> Jobs;     // print jobs, oldest first
std::condition_variable JobReady; // notified when a job is queued

// Forces the unlucky timing (see README.md): the printer thread is slow to
// start and begins to wait only after main has queued the job and notified.
racelab::HiddenGate Notified;

void printer() {
  Notified.wait();
  std::unique_lock<std::mutex> Lock(M);
  // expect-deadlock@+1: JobReady
  JobReady.wait(Lock); // expect-cv-wait: JobReady
  std::string Job = Jobs.front();
  Jobs.pop_front();
  Lock.unlock();
  std::printf("printing %s\n", Job.c_str());
}

int main() {
  std::thread Printer(printer);
  {
    std::lock_guard<std::mutex> Lock(M);
    Jobs.push_back("quarterly-report.pdf");
  }
  JobReady.notify_one(); // nobody is waiting yet: this wakes no one
  Notified.open();
  Printer.join();
}
