// Word frequency by map-reduce. Correct: thread t counts its slice of the
// documents into Partial[t] only (its own slot, chosen by its id), and the
// partial maps are merged by main after every thread has been joined.
#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

using Counts = std::unordered_map<std::string, int>;

static const std::vector<std::string> Documents = {
    "It was the best of times, it was the worst of times.",
    "It was the age of wisdom; it was the age of foolishness.",
    "It was the epoch of belief, it was the epoch of incredulity.",
    "It was the season of Light, it was the season of Darkness.",
    "We had everything before us, we had nothing before us.",
};

void countInto(Counts &Out, const std::string &Text) {
  std::string Word;
  for (char C : Text + " ") {
    if (std::isalpha(static_cast<unsigned char>(C))) {
      Word += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
    } else if (!Word.empty()) {
      ++Out[Word];
      Word.clear();
    }
  }
}

int main() {
  const size_t Threads = 3;
  std::vector<Counts> Partial(Threads);
  std::vector<std::thread> Pool;
  for (size_t T = 0; T < Threads; ++T)
    Pool.emplace_back([&Partial, T] {
      for (size_t D = T; D < Documents.size(); D += Threads)
        countInto(Partial[T], Documents[D]);
    });
  for (auto &Th : Pool)
    Th.join();

  std::map<std::string, int> Total;
  for (const Counts &P : Partial)
    for (const auto &[W, N] : P)
      Total[W] += N;
  int Shown = 0;
  for (const auto &[W, N] : Total)
    if (N >= 4 && Shown++ < 6)
      std::printf("%-8s %d\n", W.c_str(), N);
  return 0;
}
