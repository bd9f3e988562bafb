// Parallel grep where each std::async task returns its matches and its match
// count through the future; main combines them after get().
#include <cstdio>
#include <future>
#include <sstream>
#include <string>
#include <vector>

struct Document {
  std::string Name;
  std::string Text;
};

struct SearchResult {
  std::vector<std::string> Lines;
  int Count = 0;
};

SearchResult searchDocument(const Document &Doc, const std::string &Needle) {
  SearchResult R;
  std::istringstream In(Doc.Text);
  std::string Line;
  int LineNo = 0;
  while (std::getline(In, Line)) {
    ++LineNo;
    if (Line.find(Needle) != std::string::npos) {
      R.Lines.push_back(Doc.Name + ":" + std::to_string(LineNo) + ": " + Line);
      ++R.Count;
    }
  }
  return R;
}

int main() {
  std::vector<Document> Docs = {
      {"a.txt", "mutex\nthread\nrace here\n"},
      {"b.txt", "no race\nrace again\nlock\n"},
      {"c.txt", "atomic\nrace\n"},
  };
  int MatchCount = 0;
  std::vector<std::future<SearchResult>> Pending;
  for (const Document &D : Docs)
    Pending.push_back(std::async(std::launch::async, searchDocument,
                                 std::cref(D), std::string("race")));
  for (auto &F : Pending) {
    SearchResult R = F.get();
    MatchCount += R.Count;
    for (const std::string &Hit : R.Lines)
      std::puts(Hit.c_str());
  }
  std::printf("%d matches\n", MatchCount);
}
