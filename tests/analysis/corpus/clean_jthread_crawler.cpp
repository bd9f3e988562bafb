// A toy crawler built on std::jthread: each crawler thread owns its result
// vector (moved in and out by reference to distinct elements), stops through
// its stop_token, and the jthreads join automatically at scope exit, before
// main reads the results.
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

std::vector<std::string> linksOf(const std::string &Url) {
  return {Url + "/a", Url + "/b"};
}

void crawl(std::stop_token Stop, std::string Root, std::vector<std::string> &Seen) {
  std::vector<std::string> Frontier{Root};
  while (!Frontier.empty() && !Stop.stop_requested() && Seen.size() < 200) {
    std::string Url = Frontier.back();
    Frontier.pop_back();
    Seen.push_back(Url);
    for (std::string &L : linksOf(Url))
      Frontier.push_back(std::move(L));
  }
}

int main() {
  std::vector<std::string> Roots = {"https://a.example", "https://b.example",
                                    "https://c.example"};
  std::vector<std::vector<std::string>> Seen(Roots.size());
  {
    std::vector<std::jthread> Crawlers;
    for (size_t I = 0; I < Roots.size(); ++I)
      Crawlers.emplace_back(crawl, Roots[I], std::ref(Seen[I]));
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    for (auto &C : Crawlers)
      C.request_stop();
  }
  for (size_t I = 0; I < Roots.size(); ++I)
    std::printf("%s: %zu pages\n", Roots[I].c_str(), Seen[I].size());
}
