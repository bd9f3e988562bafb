// A parallel grep: each file is searched by a std::async task that returns
// the matching lines. The author also keeps a global match count that every
// task bumps directly, unsynchronised.
#include <cstdio>
#include <future>
#include <sstream>
#include <string>
#include <vector>

int MatchCount = 0;

struct Document {
  std::string Name;
  std::string Text;
};

std::vector<std::string> searchDocument(const Document &Doc,
                                        const std::string &Needle) {
  std::vector<std::string> Hits;
  std::istringstream In(Doc.Text);
  std::string Line;
  int LineNo = 0;
  while (std::getline(In, Line)) {
    ++LineNo;
    if (Line.find(Needle) != std::string::npos) {
      Hits.push_back(Doc.Name + ":" + std::to_string(LineNo) + ": " + Line);
      ++MatchCount; // expect-race: MatchCount
    }
  }
  return Hits;
}

int main() {
  std::vector<Document> Docs = {
      {"a.txt", "mutex\nthread\nrace here\n"},
      {"b.txt", "no race\nrace again\nlock\n"},
      {"c.txt", "atomic\nrace\n"},
  };
  std::vector<std::future<std::vector<std::string>>> Pending;
  for (const Document &D : Docs)
    Pending.push_back(std::async(std::launch::async, searchDocument,
                                 std::cref(D), std::string("race")));
  for (auto &F : Pending)
    for (const std::string &Hit : F.get())
      std::puts(Hit.c_str());
  std::printf("%d matches\n", MatchCount);
}
