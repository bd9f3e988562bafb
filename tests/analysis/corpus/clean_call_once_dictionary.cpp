// A spell checker loads its dictionary lazily with std::call_once; every
// thread calls dictionary(), and after call_once returns the set is only
// read.
#include <cstdio>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

std::once_flag DictionaryLoaded;
std::set<std::string> Dictionary;

void loadDictionary() {
  std::istringstream Words("a an and are as at be by for from has he in is it "
                           "its of on that the to was were will with");
  std::string W;
  while (Words >> W)
    Dictionary.insert(W);
}

const std::set<std::string> &dictionary() {
  std::call_once(DictionaryLoaded, loadDictionary);
  return Dictionary;
}

int countUnknown(const std::string &Text) {
  std::istringstream In(Text);
  std::string W;
  int Unknown = 0;
  while (In >> W)
    Unknown += dictionary().count(W) == 0;
  return Unknown;
}

int main() {
  std::vector<std::string> Pages = {
      "the cat is on the mat", "it was the best of times",
      "a quick brown fox", "and then there were none"};
  std::vector<int> Unknown(Pages.size());
  std::vector<std::thread> Checkers;
  for (size_t I = 0; I < Pages.size(); ++I)
    Checkers.emplace_back([&, I] { Unknown[I] = countUnknown(Pages[I]); });
  for (auto &T : Checkers)
    T.join();
  for (size_t I = 0; I < Pages.size(); ++I)
    std::printf("page %zu: %d unknown words\n", I, Unknown[I]);
}
