// Thumbnail rendering through packaged_tasks; each result comes back through
// its future, and the cache is filled by main after collecting the results.
#include <cstdio>
#include <future>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

size_t renderThumbnail(const std::string &Path) {
  size_t Bytes = 0;
  for (char C : Path)
    Bytes = Bytes * 31 + static_cast<unsigned char>(C);
  return Bytes % 65536;
}

int main() {
  std::vector<std::string> Paths = {"img/cat.png", "img/dog.png",
                                    "img/bird.png", "img/fish.png"};
  std::unordered_map<std::string, size_t> Cache;
  std::vector<std::pair<std::string, std::future<size_t>>> Pending;
  std::vector<std::thread> Workers;
  for (const std::string &P : Paths) {
    std::packaged_task<size_t(std::string)> Task(renderThumbnail);
    Pending.emplace_back(P, Task.get_future());
    Workers.emplace_back(std::move(Task), P);
  }
  for (auto &[Path, Future] : Pending)
    Cache[Path] = Future.get();
  for (auto &W : Workers)
    W.join();
  size_t Total = 0;
  for (const auto &[Path, Size] : Cache)
    Total += Size;
  std::printf("%zu cached, %zu bytes\n", Cache.size(), Total);
}
