// Word frequency count over a text split into chunks, one std::async task
// per chunk, all writing into the same hash map.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <future>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

using FreqMap = std::unordered_map<std::string, int>;

static std::vector<std::string> makeCorpus() {
  const char *Phrases[] = {"The quick brown fox", "jumps over the lazy dog",
                           "A dog is a friend", "the fox is quick, the dog is lazy"};
  std::vector<std::string> Lines;
  for (int I = 0; I < 400; ++I)
    Lines.push_back(Phrases[I % 4]);
  return Lines;
}

static void normalize(std::string &Word) {
  std::string Out;
  for (char C : Word)
    if (std::isalpha(static_cast<unsigned char>(C)))
      Out += char(std::tolower(static_cast<unsigned char>(C)));
  Word.swap(Out);
}

static void countWords(const std::vector<std::string> &Lines, size_t Begin,
                       size_t End, FreqMap &Freq) {
  for (size_t I = Begin; I < End; ++I) {
    std::istringstream In(Lines[I]);
    std::string Word;
    while (In >> Word) {
      normalize(Word);
      if (!Word.empty())
        ++Freq[Word]; // expect-race: Freq
    }
  }
}

int main() {
  std::vector<std::string> Lines = makeCorpus();
  FreqMap Freq;
  const size_t Chunk = 100;

  std::vector<std::future<void>> Parts;
  for (size_t Begin = 0; Begin < Lines.size(); Begin += Chunk) {
    size_t End = std::min(Begin + Chunk, Lines.size());
    Parts.push_back(std::async(std::launch::async, countWords, std::cref(Lines),
                               Begin, End, std::ref(Freq)));
  }
  for (auto &P : Parts)
    P.get();

  std::vector<std::pair<std::string, int>> Sorted(Freq.begin(), Freq.end());
  std::sort(Sorted.begin(), Sorted.end(),
            [](const auto &A, const auto &B) { return A.second > B.second; });
  for (size_t I = 0; I < Sorted.size() && I < 5; ++I)
    std::printf("%-8s %d\n", Sorted[I].first.c_str(), Sorted[I].second);
  return 0;
}
