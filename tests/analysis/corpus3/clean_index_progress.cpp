// Builds an inverted index of a document collection in the background and
// shows progress in the foreground. Progress is an atomic with
// release/acquire; the index itself is only touched by the builder until
// the future is ready, and by the main thread after get().
#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using InvertedIndex = std::map<std::string, std::set<int>>;

static std::vector<std::string> makeDocuments(int Count) {
  static const char *const Words[] = {"thread", "mutex", "atomic", "fence",
                                      "lock",   "race",  "join",   "future"};
  std::vector<std::string> Docs;
  for (int D = 0; D < Count; ++D) {
    std::string Text;
    for (int W = 0; W < 40; ++W)
      Text += std::string(Words[(D * 5 + W * 3) % 8]) + " ";
    Docs.push_back(Text);
  }
  return Docs;
}

static void addToIndex(InvertedIndex &Index, const std::string &Text, int DocId) {
  std::istringstream In(Text);
  std::string Word;
  while (In >> Word)
    Index[Word].insert(DocId);
}

int main() {
  const std::vector<std::string> Documents = makeDocuments(3000);
  InvertedIndex Index;
  std::atomic<int> Indexed{0};

  auto Build = std::async(std::launch::async, [&Documents, &Index, &Indexed] {
    for (int D = 0; D < static_cast<int>(Documents.size()); ++D) {
      addToIndex(Index, Documents[D], D);
      Indexed.store(D + 1, std::memory_order_release);
    }
    return Index.size();
  });

  while (Build.wait_for(std::chrono::milliseconds(2)) != std::future_status::ready)
    std::printf("indexed %d of %zu documents\n", Indexed.load(std::memory_order_acquire),
                Documents.size());
  size_t Words = Build.get();

  std::printf("%zu distinct words\n", Words);
  for (const auto &[Word, Docs] : Index)
    std::printf("%-8s %zu documents\n", Word.c_str(), Docs.size());
}
