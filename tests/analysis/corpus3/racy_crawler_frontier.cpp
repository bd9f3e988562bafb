// Web crawler frontier shared by fetcher threads: a set of URLs already seen
// and a queue of URLs still to fetch, each with its own mutex. Redirect
// handling marks aliases as seen, under the wrong one of the two mutexes.
#include <atomic>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

class CrawlFrontier {
public:
  bool enqueue(const std::string &Url) {
    {
      std::lock_guard<std::mutex> Lock(VisitedMutex);
      if (!Visited.insert(Url).second) // expect-race: Visited
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

  // A redirect told us that Url is the same page as one we fetched.
  void markAlias(const std::string &Url) {
    std::lock_guard<std::mutex> Lock(QueueMutex);
    Visited.insert(Url); // expect-race: Visited inserted under QueueMutex, not VisitedMutex
  }

  size_t visitedCount() {
    std::lock_guard<std::mutex> Lock(VisitedMutex);
    return Visited.size();
  }

private:
  std::mutex VisitedMutex;
  std::mutex QueueMutex;
  std::unordered_set<std::string> Visited;
  std::deque<std::string> Pending;
};

static const std::string Site = "https://example.org/page";

static int pageNumber(const std::string &Url) { return std::stoi(Url.substr(Site.size())); }

static std::vector<std::string> fetchLinks(const std::string &Url) {
  int N = pageNumber(Url);
  std::vector<std::string> Links{Site + std::to_string((N * 7 + 1) % 300),
                                 Site + std::to_string((N * 3 + 2) % 300)};
  if (N % 5 == 0)
    Links.push_back(Site + std::to_string((N + 11) % 300) + "/index");
  return Links;
}

static void crawlWorker(CrawlFrontier &Frontier, std::atomic<int> &Fetched) {
  const std::string Suffix = "/index";
  std::string Url;
  int IdleRounds = 0;
  while (IdleRounds < 200) {
    if (!Frontier.next(Url)) {
      ++IdleRounds;
      std::this_thread::yield();
      continue;
    }
    IdleRounds = 0;
    Fetched.fetch_add(1, std::memory_order_relaxed);
    for (const std::string &Link : fetchLinks(Url))
      Frontier.enqueue(Link);
    if (Url.size() > Suffix.size() &&
        Url.compare(Url.size() - Suffix.size(), Suffix.size(), Suffix) == 0)
      Frontier.markAlias(Url.substr(0, Url.size() - Suffix.size()));
  }
}

int main() {
  CrawlFrontier Frontier;
  std::atomic<int> Fetched{0};
  Frontier.enqueue(Site + "0");
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back(crawlWorker, std::ref(Frontier), std::ref(Fetched));
  for (std::thread &W : Workers)
    W.join();
  std::printf("fetched %d pages, %zu urls seen\n", Fetched.load(), Frontier.visitedCount());
}
