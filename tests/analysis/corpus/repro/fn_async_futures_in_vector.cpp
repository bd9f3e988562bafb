// FN: std::async tasks whose futures are stored in a container are not
// treated as running concurrently. Both tasks write MatchCount; with the
// futures in named locals (auto A = std::async(...)) the race is reported,
// after push_back/emplace_back into a vector it is not (loop or no loop).
#include <future>
#include <vector>
int MatchCount = 0;
int search(int N) { ++MatchCount; return N; } // expect-race: MatchCount
int main() {
  std::vector<std::future<int>> Pending;
  Pending.push_back(std::async(std::launch::async, search, 1));
  Pending.push_back(std::async(std::launch::async, search, 2));
  int Sum = 0;
  for (auto &F : Pending)
    Sum += F.get();
  return Sum + MatchCount;
}
