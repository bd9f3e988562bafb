// Shared ring log: reserve() locks the log and hands the held lock back with
// the reserved slot; append() fills the slot before its unique_lock goes out
// of scope. Correct: the slot is written while the moved lock is still held,
// and dump() locks the same mutex.
#include <array>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

struct LogEntry {
  long Seq = 0;
  int Level = 0;
  char Text[32] = {};
};

class RingLog {
public:
  std::pair<std::unique_lock<std::mutex>, LogEntry *> reserve() {
    std::unique_lock<std::mutex> Lock(M);
    LogEntry *Slot = &Entries[Next % Entries.size()];
    Slot->Seq = ++Next;
    return {std::move(Lock), Slot};
  }

  void append(int Level, const char *Msg) {
    auto [Lock, Slot] = reserve(); // the lock stays held until return
    Slot->Level = Level;
    std::strncpy(Slot->Text, Msg, sizeof(Slot->Text) - 1);
  }

  int dump(int MinLevel) {
    std::lock_guard<std::mutex> Lock(M);
    int N = 0;
    for (const LogEntry &E : Entries)
      if (E.Seq && E.Level >= MinLevel)
        ++N;
    return N;
  }

private:
  std::mutex M;
  std::array<LogEntry, 8> Entries;
  long Next = 0;
};

int main() {
  RingLog Log;
  std::vector<std::thread> Writers;
  for (int W = 0; W < 3; ++W)
    Writers.emplace_back([&Log, W] {
      for (int I = 0; I < 100; ++I)
        Log.append(I % 3, W ? "cache miss" : "flush");
    });
  std::thread Reader([&Log] {
    int Seen = 0;
    for (int I = 0; I < 20; ++I)
      Seen += Log.dump(1);
    std::printf("reader saw %d\n", Seen);
  });
  for (auto &T : Writers)
    T.join();
  Reader.join();
  std::printf("final: %d entries at level >= 1\n", Log.dump(1));
  return 0;
}
