// FN: main writes Items and only then sets the atomic Stop flag; the thread
// reads Items inside 'while (!Stop)', i.e. exactly while it has NOT yet seen
// the store, so nothing orders the push_back with the reads. racecheck
// appears to treat the store/load pair on Stop as ordering main's earlier
// writes before every read in the loop. Without the 'Stop = true' line
// (or with the loop reading a plain counter instead) the race is reported.
#include <atomic>
#include <thread>
#include <vector>
std::atomic<bool> Stop{false};
std::vector<int> Items;
int main() {
  std::thread T([] {
    size_t N = 0;
    while (!Stop)
      N += Items.size(); // expect-race: Items
  });
  Items.push_back(1); // expect-race: Items
  Stop = true;
  T.join();
}
