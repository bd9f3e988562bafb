// A tokenizer that reuses a scratch buffer and keeps per-thread statistics
// in thread_local variables. Each thread sees its own copy.
#include <cctype>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

thread_local std::string Scratch;
thread_local unsigned long TokensSeen = 0;

std::vector<std::string> tokenize(const std::string &Line) {
  std::vector<std::string> Tokens;
  Scratch.clear();
  for (char C : Line) {
    if (std::isspace(static_cast<unsigned char>(C))) {
      if (!Scratch.empty()) {
        Tokens.push_back(Scratch);
        Scratch.clear();
        ++TokensSeen;
      }
    } else {
      Scratch += C;
    }
  }
  if (!Scratch.empty()) {
    Tokens.push_back(Scratch);
    ++TokensSeen;
  }
  return Tokens;
}

void tokenizeFile(int FileId, unsigned long &Out) {
  for (int Line = 0; Line < 500; ++Line)
    tokenize("int x" + std::to_string(Line) + " = " + std::to_string(FileId) + " ;");
  Out = TokensSeen;
}

int main() {
  std::vector<unsigned long> PerFile(4);
  std::vector<std::thread> Workers;
  for (int F = 0; F < 4; ++F)
    Workers.emplace_back(tokenizeFile, F, std::ref(PerFile[F]));
  for (auto &W : Workers)
    W.join();
  for (int F = 0; F < 4; ++F)
    std::printf("file %d: %lu tokens\n", F, PerFile[F]);
}
