// Autocomplete service: the trie of city names is fully built before any
// query thread starts, and queries only read it. Correct: the trie is
// read-only once the threads exist (thread start orders the build before
// them), and each thread writes only its own slot of Results.
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

class Trie {
  struct Node {
    std::unique_ptr<Node> Next[26];
    int Count = 0; // words below this node
    bool Word = false;
  };
  Node Root;

public:
  void add(const std::string &W) {
    Node *N = &Root;
    N->Count++;
    for (char C : W) {
      auto &Slot = N->Next[C - 'a'];
      if (!Slot)
        Slot = std::make_unique<Node>();
      N = Slot.get();
      N->Count++;
    }
    N->Word = true;
  }

  int countWithPrefix(const std::string &P) const {
    const Node *N = &Root;
    for (char C : P) {
      N = N->Next[C - 'a'].get();
      if (!N)
        return 0;
    }
    return N->Count;
  }
};

int main() {
  Trie Cities;
  for (const char *C : {"berlin", "bern", "bergen", "bordeaux", "boston",
                        "lisbon", "lima", "linz", "lyon", "luxembourg"})
    Cities.add(C);

  const std::vector<std::vector<std::string>> Queries = {
      {"ber", "bo", "b"}, {"li", "lin", "ly"}, {"lu", "x", "bern"}};
  std::vector<int> Results(Queries.size(), 0);
  std::vector<std::thread> Threads;
  for (size_t T = 0; T < Queries.size(); ++T)
    Threads.emplace_back([&Cities, &Queries, &Results, T] {
      int Sum = 0;
      for (const std::string &P : Queries[T])
        Sum += Cities.countWithPrefix(P);
      Results[T] = Sum;
    });
  for (auto &T : Threads)
    T.join();
  for (size_t T = 0; T < Results.size(); ++T)
    std::printf("batch %zu: %d completions\n", T, Results[T]);
  return 0;
}
