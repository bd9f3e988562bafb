// Shared in-memory ring log: threads append entries, a dumper prints the last
// ones. append() reserves the slot under the lock but releases the lock
// before writing the entry. Races: the entry write in Entries against the
// dumper's locked read (and against a later append that wraps onto it).
#include <array>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

struct Entry {
  long Seq = 0;
  int Level = 0;
  char Text[40] = {};
};

class RingLog {
public:
  void append(int Level, const char *Msg) {
    std::unique_lock<std::mutex> Lock(M);
    long Seq = NextSeq++;
    size_t Slot = static_cast<size_t>(Seq) % Entries.size();
    Lock.unlock(); // "the slot is ours now"
    Entry E;
    E.Seq = Seq;
    E.Level = Level;
    std::strncpy(E.Text, Msg, sizeof(E.Text) - 1);
    Entries[Slot] = E; // expect-race: Entries
  }

  void dump(int MinLevel) {
    std::lock_guard<std::mutex> Lock(M);
    int Shown = 0;
    for (size_t I = 0; I < Entries.size(); ++I) {
      Entry E = Entries[I]; // expect-race: Entries
      if (E.Seq && E.Level >= MinLevel)
        ++Shown;
    }
    std::printf("dump: %d entries at level >= %d (next seq %ld)\n", Shown, MinLevel,
                NextSeq);
  }

private:
  std::mutex M;
  std::array<Entry, 16> Entries;
  long NextSeq = 1;
};

int main() {
  RingLog Log;
  std::vector<std::thread> Writers;
  for (int W = 0; W < 3; ++W)
    Writers.emplace_back([&Log, W] {
      for (int I = 0; I < 200; ++I)
        Log.append((I + W) % 4, W == 0 ? "disk ok" : "net retry");
    });
  std::thread Dumper([&Log] {
    for (int I = 0; I < 10; ++I)
      Log.dump(2);
  });
  for (auto &T : Writers)
    T.join();
  Dumper.join();
  Log.dump(0);
  return 0;
}
