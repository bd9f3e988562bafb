// Three-stage log processing pipeline: reader -> parser -> aggregator,
// connected by blocking queues. Each stage owns its local state; the
// aggregator's summary is read by main after all stages are joined.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

template <class T> class BlockingQueue {
public:
  void push(T V) {
    std::unique_lock<std::mutex> L(M);
    NotFull.wait(L, [this] { return Items.size() < 64; });
    Items.push_back(std::move(V));
    NotEmpty.notify_one();
  }
  void close() {
    std::lock_guard<std::mutex> L(M);
    Closed = true;
    NotEmpty.notify_all();
  }
  std::optional<T> pop() {
    std::unique_lock<std::mutex> L(M);
    NotEmpty.wait(L, [this] { return !Items.empty() || Closed; });
    if (Items.empty())
      return std::nullopt;
    T V = std::move(Items.front());
    Items.pop_front();
    NotFull.notify_one();
    return V;
  }

private:
  std::mutex M;
  std::condition_variable NotEmpty, NotFull;
  std::deque<T> Items;
  bool Closed = false;
};

struct LogEntry {
  std::string Service;
  int Status;
};

struct Summary {
  std::map<std::string, int> ErrorsByService;
  long Total = 0;
};

static std::string fakeLine(int I) {
  static const char *Services[] = {"auth", "cart", "search"};
  return std::string(Services[I % 3]) + " " + std::to_string(I % 11 == 0 ? 500 : 200);
}

static void readStage(BlockingQueue<std::string> &Out, int Lines) {
  for (int I = 0; I < Lines; ++I)
    Out.push(fakeLine(I));
  Out.close();
}

static void parseStage(BlockingQueue<std::string> &In, BlockingQueue<LogEntry> &Out) {
  while (auto Line = In.pop()) {
    size_t Sp = Line->find(' ');
    Out.push(LogEntry{Line->substr(0, Sp), std::stoi(Line->substr(Sp + 1))});
  }
  Out.close();
}

static void aggregateStage(BlockingQueue<LogEntry> &In, Summary &S) {
  while (auto E = In.pop()) {
    ++S.Total;
    if (E->Status >= 500)
      ++S.ErrorsByService[E->Service];
  }
}

int main() {
  BlockingQueue<std::string> Raw;
  BlockingQueue<LogEntry> Parsed;
  Summary S;
  std::thread Reader(readStage, std::ref(Raw), 5000);
  std::thread Parser(parseStage, std::ref(Raw), std::ref(Parsed));
  std::thread Aggregator(aggregateStage, std::ref(Parsed), std::ref(S));
  Reader.join();
  Parser.join();
  Aggregator.join();
  std::printf("%ld entries\n", S.Total);
  for (const auto &[Service, Errors] : S.ErrorsByService)
    std::printf("  %s: %d errors\n", Service.c_str(), Errors);
  return 0;
}
