// Keyword frequency by map-reduce: each thread counts the keywords in its
// slice of lines into a private map (correct), then merges it into the
// global Totals, whose keys main created up front.
// Races: the reduce step updates Totals from all threads without a lock.
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using Counts = std::map<std::string, int>;

Counts Totals;

static const std::vector<std::string> Keywords = {"the", "dog", "fox", "lazy",
                                                  "quick", "over", "brown"};
static const std::vector<std::string> Lines = {
    "the quick brown fox jumps over the lazy dog",
    "the dog barks and the fox runs",
    "a lazy afternoon for a brown dog",
    "quick thinking saves the day",
    "over and over the fox returns",
    "dog days of summer are lazy days",
};

Counts countSlice(size_t Begin, size_t End) {
  Counts Local;
  for (size_t I = Begin; I < End && I < Lines.size(); ++I) {
    std::istringstream In(Lines[I]);
    std::string Word;
    while (In >> Word)
      ++Local[Word];
  }
  return Local;
}

void mapAndReduce(size_t Begin, size_t End) {
  Counts Local = countSlice(Begin, End);
  for (const std::string &K : Keywords) {
    auto It = Local.find(K);
    if (It != Local.end())
      Totals[K] += It->second; // expect-race: Totals
  }
}

int main() {
  for (const std::string &K : Keywords)
    Totals[K] = 0;
  const size_t Workers = 3;
  const size_t Per = (Lines.size() + Workers - 1) / Workers;
  std::vector<std::thread> Threads;
  for (size_t W = 0; W < Workers; ++W)
    Threads.emplace_back(mapAndReduce, W * Per, (W + 1) * Per);
  for (auto &T : Threads)
    T.join();

  for (const auto &[Word, N] : Totals)
    std::printf("%-6s %d\n", Word.c_str(), N);
  return 0;
}
