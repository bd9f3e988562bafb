// File indexer: one thread per file adds the file's words to a shared,
// mutex-protected index. The file number is captured by reference.
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

class InvertedIndex {
public:
  void addDocument(size_t DocId, const std::string &Text) {
    std::istringstream In(Text);
    std::string Word;
    std::lock_guard<std::mutex> L(M);
    while (In >> Word)
      Postings[Word].insert(DocId);
  }

  std::set<size_t> lookup(const std::string &Word) {
    std::lock_guard<std::mutex> L(M);
    auto It = Postings.find(Word);
    return It == Postings.end() ? std::set<size_t>{} : It->second;
  }

private:
  std::mutex M;
  std::map<std::string, std::set<size_t>> Postings;
};

static std::string loadDocument(const std::string &Path) {
  // Stand-in for reading the file from disk.
  if (Path.find("readme") != std::string::npos)
    return "build instructions and license";
  if (Path.find("main") != std::string::npos)
    return "int main returns zero";
  return "notes about the build";
}

int main() {
  const std::vector<std::string> Files = {"docs/readme.txt", "src/main.cpp",
                                          "notes/todo.txt", "docs/build.txt"};
  InvertedIndex Index;
  std::vector<std::thread> Workers;

  size_t Next = 0;
  while (Next < Files.size()) {
    Workers.emplace_back([&] { Index.addDocument(Next, loadDocument(Files[Next])); }); // expect-race: Next
    ++Next; // expect-race: Next
  }
  for (auto &W : Workers)
    W.join();

  for (size_t Doc : Index.lookup("build"))
    std::printf("'build' in %s\n", Files[Doc].c_str());
  return 0;
}
