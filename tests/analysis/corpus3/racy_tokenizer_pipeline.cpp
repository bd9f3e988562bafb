// Two-stage text pipeline: a reader thread splits lines into tokens and
// queues them, a counting thread classifies and tallies them. The queue is
// locked; the end-of-input flag next to it is not.
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

class TokenQueue {
public:
  void push(std::string Token) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Tokens.push_back(std::move(Token));
    }
    NotEmpty.notify_one();
  }

  bool tryPop(std::string &Out) {
    std::unique_lock<std::mutex> Lock(Mutex);
    if (Tokens.empty())
      NotEmpty.wait_for(Lock, std::chrono::milliseconds(1));
    if (Tokens.empty())
      return false;
    Out = std::move(Tokens.front());
    Tokens.pop_front();
    return true;
  }

  void finish() { Finished = true; } // expect-race: Finished set without the queue lock
  bool finished() const { return Finished; } // expect-race: Finished

private:
  std::mutex Mutex;
  std::condition_variable NotEmpty;
  std::deque<std::string> Tokens;
  bool Finished = false;
};

static const char *const Corpus[] = {
    "let total = price * 3 + tax ;",
    "if ( total > 100 ) discount = 0.15 ;",
    "print ( \"done\" , total ) ;",
    "while ( n > 0 ) n = n - 1 ;",
};

static std::string classify(const std::string &Tok) {
  if (std::isdigit(static_cast<unsigned char>(Tok[0])))
    return "number";
  if (std::isalpha(static_cast<unsigned char>(Tok[0])) || Tok[0] == '_')
    return Tok == "if" || Tok == "while" || Tok == "let" ? "keyword" : "identifier";
  if (Tok[0] == '"')
    return "string";
  return "punctuation";
}

static void readerStage(TokenQueue &Queue, int Repeats) {
  for (int R = 0; R < Repeats; ++R)
    for (const char *Line : Corpus) {
      std::istringstream In(Line);
      std::string Tok;
      while (In >> Tok)
        Queue.push(Tok);
    }
  Queue.finish();
}

static void countingStage(TokenQueue &Queue, std::map<std::string, int> &Kinds) {
  std::string Tok;
  for (;;) {
    if (Queue.tryPop(Tok)) {
      ++Kinds[classify(Tok)];
      continue;
    }
    if (Queue.finished()) {
      while (Queue.tryPop(Tok))
        ++Kinds[classify(Tok)];
      return;
    }
  }
}

int main() {
  TokenQueue Queue;
  std::map<std::string, int> Kinds;
  std::thread Reader(readerStage, std::ref(Queue), 200);
  std::thread Counter(countingStage, std::ref(Queue), std::ref(Kinds));
  Reader.join();
  Counter.join();
  for (const auto &[Kind, Count] : Kinds)
    std::printf("%-12s %d\n", Kind.c_str(), Count);
}
