// Found while minimising clean_leader_election.c; not one of the corpus3 files.
// Correct: only the thread with Id 0 writes 'Leader'; main reads after joins.
// racecheck reports a write/write race between "one of the threads" (line 13).
#include <thread>
#include <vector>

int Leader = -1;

int main() {
  std::vector<std::thread> Workers;
  for (int Id = 0; Id < 4; ++Id)
    Workers.emplace_back([Id] {
      if (Id == 0) Leader = Id;
    });
  for (std::thread &T : Workers)
    T.join();
  return Leader;
}
