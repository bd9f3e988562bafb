// The fix: the callback does not touch the app's state. It only posts a
// message to an event queue (a mutex, a condition variable and a deque), and
// the main thread's event loop takes the messages out one by one and handles
// them. All of the app's state is read and written by the main thread
// alone, so it needs no lock; the only shared object is the queue, and it
// has one. This is how GUI toolkits and event loops (Qt's queued signals,
// asio's post, a browser's event loop) let other threads talk to the app.
#include "racelab/interleave.h"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// --- the library: downloads one file after another on its own thread ---
class Downloader {
public:
  using Callback = std::function<void(const std::string &Url, size_t Bytes)>;
  void start(std::vector<std::string> Urls, Callback OnDone) {
    Worker = std::thread([Urls = std::move(Urls), OnDone = std::move(OnDone)] {
      for (const std::string &Url : Urls)
        OnDone(Url, Url.size() * 1000); // (a pretend download) on *our* thread
    });
  }
  void wait() { Worker.join(); }

private:
  std::thread Worker;
};

// --- the app ---
struct Event {
  std::string Url;
  size_t Bytes;
};

// The one object two threads share: any thread posts, the main thread takes.
class EventQueue {
public:
  void post(Event E) {
    {
      std::lock_guard<std::mutex> Lock(M);
      Queue.push_back(std::move(E));
    }
    Ready.notify_one();
  }
  Event next() {
    std::unique_lock<std::mutex> Lock(M);
    Ready.wait(Lock, [this] { return !Queue.empty(); }); // no lost wakeup
    Event E = std::move(Queue.front());
    Queue.pop_front();
    return E;
  }

private:
  std::mutex M;
  std::condition_variable Ready;
  std::deque<Event> Queue; // guarded by M
};

struct Progress {
  int Done = 0;
  size_t Bytes = 0;
};
Progress State; // the app's state: the main thread's only

// The same forced interleaving as in buggy.cpp: the fix must hold up under it.
racelab::HiddenGate FirstFileDone;

int main() {
  std::vector<std::string> Urls = {"https://example.org/a.zip",
                                   "https://example.org/logo.png",
                                   "https://example.org/index.html"};
  EventQueue Events;
  Downloader D;
  D.start(Urls, [&Events](const std::string &Url, size_t Bytes) {
    Events.post({Url, Bytes}); // just say what happened; main will handle it
    FirstFileDone.open();
  });
  FirstFileDone.wait();
  // The event loop: one message at a time, on the main thread.
  while (State.Done < static_cast<int>(Urls.size())) {
    Event E = Events.next();
    State.Bytes += E.Bytes;
    ++State.Done;
    std::printf("%s: %zu bytes\n", E.Url.c_str(), E.Bytes);
    std::printf("progress: %d of %zu files\n", State.Done, Urls.size());
  }
  D.wait();
  std::printf("all done: %d files, %zu bytes\n", State.Done, State.Bytes);
}
