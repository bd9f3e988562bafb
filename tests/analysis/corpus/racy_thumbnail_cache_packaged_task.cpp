// Thumbnails are rendered by packaged_tasks on worker threads and their
// sizes returned through futures (fine). Each task also memoises its result
// in a shared unordered_map so later requests are fast; that map has no lock.
#include <cstdio>
#include <future>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

std::unordered_map<std::string, size_t> ThumbnailCache;

size_t renderThumbnail(const std::string &Path) {
  auto It = ThumbnailCache.find(Path); // expect-race: ThumbnailCache
  if (It != ThumbnailCache.end()) // expect-race: ThumbnailCache
    return It->second;
  size_t Bytes = 0;
  for (char C : Path)
    Bytes = Bytes * 31 + static_cast<unsigned char>(C);
  Bytes %= 65536;
  ThumbnailCache[Path] = Bytes; // expect-race: ThumbnailCache
  return Bytes;
}

int main() {
  std::vector<std::string> Paths = {"img/cat.png", "img/dog.png",
                                    "img/cat.png", "img/bird.png"};
  std::vector<std::future<size_t>> Sizes;
  std::vector<std::thread> Workers;
  for (const std::string &P : Paths) {
    std::packaged_task<size_t(std::string)> Task(renderThumbnail);
    Sizes.push_back(Task.get_future());
    Workers.emplace_back(std::move(Task), P);
  }
  size_t Total = 0;
  for (auto &F : Sizes)
    Total += F.get();
  for (auto &W : Workers)
    W.join();
  std::printf("%zu cached, %zu bytes\n", ThumbnailCache.size(), Total);
}
