// The fix: never wait for a thread while holding a lock that thread may
// need. shutdown() joins the saver first, with no lock held, and only then
// takes the mutex to read Saved. (After join() returns the saver is gone and
// nobody else writes Saved, so the lock is no longer strictly needed; it
// stays because it costs nothing and keeps the rule "Saved is read under M"
// true without a special case.)
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

class AutoSaver {
public:
  explicit AutoSaver(std::vector<std::string> Documents)
      : Pending(std::move(Documents)), Worker([this] { run(); }) {}

  // Waits for the saver to finish and returns the names it saved.
  std::vector<std::string> shutdown() {
    Worker.join(); // no lock held: the saver can take M and finish
    std::lock_guard<std::mutex> Lock(M);
    return Saved;
  }

private:
  void run() {
    for (const std::string &Document : Pending) {
      // ... write Document to disk ...
      std::lock_guard<std::mutex> Lock(M);
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
