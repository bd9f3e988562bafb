// Web crawler frontier with two mutexes used consistently: VisitedMutex for
// the seen-set and the alias set, QueueMutex for the pending queue. Pruning
// needs both and takes them together with std::lock; statistics use
// std::scoped_lock on both.
#include <atomic>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

class CrawlFrontier {
public:
  bool enqueue(const std::string &Url) {
    {
      std::lock_guard<std::mutex> Lock(VisitedMutex);
      if (!Visited.insert(Url).second)
        return false;
    }
    std::lock_guard<std::mutex> Lock(QueueMutex);
    Pending.push_back(Url);
    return true;
  }

  bool next(std::string &Url) {
    std::lock_guard<std::mutex> Lock(QueueMutex);
    if (Pending.empty())
      return false;
    Url = Pending.front();
    Pending.pop_front();
    return true;
  }

  void markAlias(const std::string &Url) {
    std::lock_guard<std::mutex> Lock(VisitedMutex);
    Visited.insert(Url);
    Aliases.insert(Url);
  }

  // Drops queued URLs that turned out to be aliases after they were queued.
  size_t pruneAliases() {
    std::unique_lock<std::mutex> QueueLock(QueueMutex, std::defer_lock);
    std::unique_lock<std::mutex> VisitedLock(VisitedMutex, std::defer_lock);
    std::lock(QueueLock, VisitedLock);
    size_t Dropped = 0;
    for (auto It = Pending.begin(); It != Pending.end();) {
      if (Aliases.count(*It)) {
        It = Pending.erase(It);
        ++Dropped;
      } else {
        ++It;
      }
    }
    return Dropped;
  }

  std::pair<size_t, size_t> stats() {
    std::scoped_lock Lock(VisitedMutex, QueueMutex);
    return {Visited.size(), Pending.size()};
  }

private:
  std::mutex VisitedMutex;
  std::mutex QueueMutex;
  std::unordered_set<std::string> Visited;
  std::unordered_set<std::string> Aliases;
  std::deque<std::string> Pending;
};

static const std::string Site = "https://example.org/page";

static std::vector<std::string> fetchLinks(const std::string &Url) {
  int N = std::stoi(Url.substr(Site.size()));
  std::vector<std::string> Links{Site + std::to_string((N * 7 + 1) % 300),
                                 Site + std::to_string((N * 3 + 2) % 300)};
  if (N % 5 == 0)
    Links.push_back(Site + std::to_string((N + 11) % 300) + "/index");
  return Links;
}

static void crawlWorker(CrawlFrontier &Frontier, std::atomic<int> &Fetched, std::atomic<size_t> &Pruned) {
  const std::string Suffix = "/index";
  std::string Url;
  for (int Idle = 0; Idle < 200;) {
    if (!Frontier.next(Url)) {
      ++Idle;
      std::this_thread::yield();
      continue;
    }
    Idle = 0;
    if (Fetched.fetch_add(1) % 16 == 0)
      Pruned += Frontier.pruneAliases();
    for (const std::string &Link : fetchLinks(Url))
      Frontier.enqueue(Link);
    if (Url.size() > Suffix.size() && Url.ends_with(Suffix))
      Frontier.markAlias(Url.substr(0, Url.size() - Suffix.size()));
  }
}

int main() {
  CrawlFrontier Frontier;
  std::atomic<int> Fetched{0};
  std::atomic<size_t> Pruned{0};
  Frontier.enqueue(Site + "0");
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back(crawlWorker, std::ref(Frontier), std::ref(Fetched), std::ref(Pruned));
  for (std::thread &W : Workers)
    W.join();
  auto [Seen, Left] = Frontier.stats();
  std::printf("fetched %d, seen %zu, pruned %zu, left %zu\n", Fetched.load(), Seen,
              Pruned.load(), Left);
}
