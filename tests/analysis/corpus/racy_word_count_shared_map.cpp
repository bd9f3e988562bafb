// Map/reduce word count. The map phase is split by lines across threads,
// but instead of a per-thread map the author inserts directly into the
// shared result map, which rebalances its tree on every insert.
#include <cctype>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using Counts = std::map<std::string, int>;

std::string normalise(std::string Word) {
  std::string Out;
  for (char C : Word)
    if (std::isalpha(static_cast<unsigned char>(C)))
      Out += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  return Out;
}

void countWords(const std::vector<std::string> &Lines, size_t Begin,
                size_t End, Counts &Result) {
  for (size_t I = Begin; I < End; ++I) {
    std::istringstream In(Lines[I]);
    std::string Word;
    while (In >> Word) {
      std::string W = normalise(Word);
      if (!W.empty())
        ++Result[W]; // expect-race: Result
    }
  }
}

int main() {
  std::vector<std::string> Lines;
  for (int I = 0; I < 400; ++I)
    Lines.push_back("the quick brown fox jumps over the lazy dog number " +
                    std::to_string(I % 13));
  Counts Result;
  const size_t Threads = 4, Per = Lines.size() / Threads;
  std::vector<std::thread> Mappers;
  for (size_t T = 0; T < Threads; ++T)
    Mappers.emplace_back(countWords, std::cref(Lines), T * Per, (T + 1) * Per,
                         std::ref(Result));
  for (auto &M : Mappers)
    M.join();
  for (const auto &[Word, N] : Result)
    if (N > 100)
      std::printf("%-8s %d\n", Word.c_str(), N);
}
