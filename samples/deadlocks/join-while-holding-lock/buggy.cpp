// An editor saves documents in the background: an AutoSaver thread writes
// each pending document out and records its name in Saved, under the
// saver's mutex. shutdown() stops the saver and returns what was saved.
// The bug: shutdown() takes the mutex (to read Saved safely) and then joins
// the saver thread while still holding it. The saver needs that mutex to
// record its next save, so it waits for shutdown() to unlock, and
// shutdown() waits in join() for the saver to finish: neither ever will.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

// Forces the unlucky timing (see README.md): the saver starts saving only
// once shutdown() holds the mutex, as if the disk had been slow.
racelab::HiddenGate ShutdownHoldsLock;

class AutoSaver {
public:
  explicit AutoSaver(std::vector<std::string> Documents)
      : Pending(std::move(Documents)), Worker([this] { run(); }) {}

  // Waits for the saver to finish and returns the names it saved.
  std::vector<std::string> shutdown() {
    std::lock_guard<std::mutex> Lock(M); // expect-lock-order: M
    ShutdownHoldsLock.open();
    // expect-deadlock@+1: Worker
    Worker.join(); // expect-lock-order: M (the saver needs M to finish)
    return Saved;
  }

private:
  void run() {
    ShutdownHoldsLock.wait();
    for (const std::string &Document : Pending) {
      // ... write Document to disk ...
      // expect-deadlock@+1: M
      std::lock_guard<std::mutex> Lock(M); // expect-lock-order: M
      Saved.push_back(Document);
    }
  }

  std::mutex M;                     // guards Saved
  std::vector<std::string> Saved;   // documents written so far
  std::vector<std::string> Pending; // set before Worker starts, then only read
  std::thread Worker;
};

int main() {
  AutoSaver Saver({"notes.txt", "draft.md", "budget.csv"});
  std::vector<std::string> Saved = Saver.shutdown();
  std::printf("saved %zu documents:", Saved.size());
  for (const std::string &Document : Saved)
    std::printf(" %s", Document.c_str());
  std::printf("\n");
}
