// Crawler simulation: workers claim URLs from a shared list with an atomic
// cursor, store the fetched page size in the claimed slot, and count
// statistics with relaxed atomics. Results are read after the join.
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct CrawlStats {
  std::atomic<long> Fetched{0};
  std::atomic<long> Errors{0};
  std::atomic<long> Bytes{0};
};

static size_t fakeFetch(const std::string &Url, bool &Ok) {
  Ok = Url.find("broken") == std::string::npos;
  return Ok ? Url.size() * 1000 + (Url.back() % 7) * 13 : 0;
}

class Crawler {
public:
  explicit Crawler(std::vector<std::string> Urls)
      : Urls(std::move(Urls)), PageSizes(this->Urls.size(), 0) {}

  void crawl(unsigned NumWorkers) {
    std::vector<std::thread> Workers;
    for (unsigned W = 0; W < NumWorkers; ++W)
      Workers.emplace_back(&Crawler::workerLoop, this);
    for (auto &T : Workers)
      T.join();
  }

  void report() const {
    std::printf("fetched=%ld errors=%ld bytes=%ld\n", Stats.Fetched.load(),
                Stats.Errors.load(), Stats.Bytes.load());
    for (size_t I = 0; I < Urls.size(); ++I)
      std::printf("  %-36s %zu\n", Urls[I].c_str(), PageSizes[I]);
  }

private:
  void workerLoop() {
    for (;;) {
      size_t Slot = Cursor.fetch_add(1, std::memory_order_relaxed);
      if (Slot >= Urls.size())
        return;
      bool Ok = false;
      size_t Size = fakeFetch(Urls[Slot], Ok);
      PageSizes[Slot] = Size;
      if (Ok) {
        Stats.Fetched.fetch_add(1, std::memory_order_relaxed);
        Stats.Bytes.fetch_add(long(Size), std::memory_order_relaxed);
      } else {
        Stats.Errors.fetch_add(1, std::memory_order_relaxed);
      }
    }
  }

  std::vector<std::string> Urls;
  std::vector<size_t> PageSizes;
  std::atomic<size_t> Cursor{0};
  CrawlStats Stats;
};

int main() {
  Crawler C({"https://example.org/", "https://example.org/about",
             "https://example.org/broken-link", "https://example.net/news",
             "https://example.net/news/1", "https://example.net/news/2",
             "https://example.com/shop", "https://example.com/broken"});
  C.crawl(3);
  C.report();
  return 0;
}
