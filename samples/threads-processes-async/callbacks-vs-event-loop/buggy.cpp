// An app downloads three files with a small download library. The library
// works on its own worker thread and calls the app's completion callback on
// that thread after each file. The callback updates the app's progress
// (Done, Bytes), and the app's main thread shows the progress meanwhile.
// The bug: the callback is app code, but it does not run on the app's
// thread. It writes Progress on the library's thread while the main thread
// reads it, with no lock: a data race. Nothing in the callback's signature
// says which thread will call it; only the library's documentation can.
#include "racelab/interleave.h"

#include <cstdio>
#include <functional>
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
struct Progress {
  int Done = 0;
  size_t Bytes = 0;
};
Progress State; // the app's state

// Forces the bad interleaving (see README.md): the main thread looks at the
// progress after the first file, while the downloads go on.
racelab::HiddenGate FirstFileDone;

int main() {
  std::vector<std::string> Urls = {"https://example.org/a.zip",
                                   "https://example.org/logo.png",
                                   "https://example.org/index.html"};
  Downloader D;
  D.start(Urls, [](const std::string &Url, size_t Bytes) {
    // Runs on the downloader's thread, not on main's.
    State.Bytes += Bytes;
    ++State.Done; // expect-race: State.Done, written on the library's thread
    std::printf("%s: %zu bytes\n", Url.c_str(), Bytes);
    FirstFileDone.open();
  });
  FirstFileDone.wait();
  // The progress display reads what the callback writes at the same time.
  std::printf("progress: %d of %zu files\n", State.Done, Urls.size()); // expect-race: State.Done, read on main
  D.wait();
  std::printf("all done: %d files, %zu bytes\n", State.Done, State.Bytes);
}
