// Three-stage tokenizer pipeline: read lines -> split into tokens -> count
// tokens per kind. The stages are member functions running on their own
// threads and talk through bounded blocking queues that can be closed.
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

template <typename T> class BoundedQueue {
public:
  explicit BoundedQueue(size_t Capacity) : Capacity(Capacity) {}

  void push(T Value) {
    std::unique_lock<std::mutex> Lock(Mutex);
    NotFull.wait(Lock, [this] { return Items.size() < Capacity; });
    Items.push_back(std::move(Value));
    NotEmpty.notify_one();
  }

  std::optional<T> pop() {
    std::unique_lock<std::mutex> Lock(Mutex);
    NotEmpty.wait(Lock, [this] { return !Items.empty() || Closed; });
    if (Items.empty())
      return std::nullopt;
    T Value = std::move(Items.front());
    Items.pop_front();
    NotFull.notify_one();
    return Value;
  }

  void close() {
    std::lock_guard<std::mutex> Lock(Mutex);
    Closed = true;
    NotEmpty.notify_all();
  }

private:
  const size_t Capacity;
  std::mutex Mutex;
  std::condition_variable NotEmpty, NotFull;
  std::deque<T> Items;
  bool Closed = false;
};

class TokenizerPipeline {
public:
  void run() {
    std::thread Reader(&TokenizerPipeline::readLines, this);
    std::thread Splitter(&TokenizerPipeline::splitTokens, this);
    std::thread Counter(&TokenizerPipeline::countKinds, this);
    Reader.join();
    Splitter.join();
    Counter.join();
    for (const auto &[Kind, N] : Kinds)
      std::printf("%-11s %d\n", Kind.c_str(), N);
  }

private:
  void readLines() {
    static const char *const Source[] = {"int main ( ) {", "  return 42 ;", "}",
                                         "x = y + 17 * z ;"};
    for (int Round = 0; Round < 500; ++Round)
      for (const char *Line : Source)
        Lines.push(Line);
    Lines.close();
  }

  void splitTokens() {
    while (std::optional<std::string> Line = Lines.pop()) {
      std::string Current;
      for (char C : *Line + " ") {
        if (std::isspace(static_cast<unsigned char>(C))) {
          if (!Current.empty())
            Tokens.push(std::move(Current));
          Current.clear();
        } else {
          Current += C;
        }
      }
    }
    Tokens.close();
  }

  void countKinds() {
    while (std::optional<std::string> Tok = Tokens.pop()) {
      unsigned char First = static_cast<unsigned char>((*Tok)[0]);
      const char *Kind = std::isdigit(First)   ? "number"
                         : std::isalpha(First) ? "identifier"
                                               : "symbol";
      ++Kinds[Kind];
    }
  }

  BoundedQueue<std::string> Lines{8};
  BoundedQueue<std::string> Tokens{32};
  std::map<std::string, int> Kinds;
};

int main() {
  TokenizerPipeline Pipeline;
  Pipeline.run();
}
