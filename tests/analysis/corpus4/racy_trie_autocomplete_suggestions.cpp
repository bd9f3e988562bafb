// Autocomplete: a trie of product names is built by main, then several query
// threads collect completions for their prefixes into one shared result list.
// Races: the query threads push_back into Suggestions without a lock.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

struct TrieNode {
  std::map<char, std::unique_ptr<TrieNode>> Children;
  bool Terminal = false;
};

class Trie {
public:
  void insert(const std::string &Word) {
    TrieNode *Cur = &Root;
    for (char C : Word) {
      auto &Child = Cur->Children[C];
      if (!Child)
        Child = std::make_unique<TrieNode>();
      Cur = Child.get();
    }
    Cur->Terminal = true;
  }

  template <typename Fn> void complete(const std::string &Prefix, Fn Emit) const {
    const TrieNode *Cur = &Root;
    for (char C : Prefix) {
      auto It = Cur->Children.find(C);
      if (It == Cur->Children.end())
        return;
      Cur = It->second.get();
    }
    std::string Buf = Prefix;
    walk(Cur, Buf, Emit);
  }

private:
  template <typename Fn>
  static void walk(const TrieNode *N, std::string &Buf, Fn &Emit) {
    if (N->Terminal)
      Emit(Buf);
    for (const auto &[C, Child] : N->Children) {
      Buf.push_back(C);
      walk(Child.get(), Buf, Emit);
      Buf.pop_back();
    }
  }
  TrieNode Root;
};

std::vector<std::string> Suggestions;

int main() {
  Trie Names;
  for (const char *W : {"camera", "camel", "candle", "canvas", "cable", "cap",
                        "lamp", "laptop", "lantern", "ladder", "lace"})
    Names.insert(W);

  std::vector<std::thread> Queries;
  for (const char *P : {"ca", "la", "cam", "lan"})
    Queries.emplace_back([&Names, Prefix = std::string(P)] {
      Names.complete(Prefix, [](const std::string &S) {
        Suggestions.push_back(S); // expect-race: Suggestions
      });
    });
  for (auto &T : Queries)
    T.join();
  std::printf("%zu suggestions\n", Suggestions.size());
  return 0;
}
