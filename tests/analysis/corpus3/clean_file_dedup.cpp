// Duplicate file finder: scanner tasks (std::async) hash their share of the
// files outside any lock, then check and record the digest in a single
// critical section. Each task returns its duplicates through its future.
#include <cstdint>
#include <cstdio>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct FileEntry {
  std::string Path;
  std::string Content;
};

struct Duplicate {
  std::string Path;
  std::string Original;
};

static uint64_t digest(const std::string &Data) {
  uint64_t H = 14695981039346656037ull;
  for (unsigned char C : Data) {
    H ^= C;
    H *= 1099511628211ull;
  }
  return H;
}

class DedupIndex {
public:
  // Records Path as the first file with this digest, or returns the earlier one.
  std::optional<std::string> recordOrFind(uint64_t Digest, const std::string &Path) {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto [It, Inserted] = FirstSeen.try_emplace(Digest, Path);
    if (Inserted)
      return std::nullopt;
    return It->second;
  }

  size_t size() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return FirstSeen.size();
  }

private:
  std::mutex Mutex;
  std::unordered_map<uint64_t, std::string> FirstSeen;
};

static std::vector<Duplicate> scanShard(const std::vector<FileEntry> &Files, DedupIndex &Index,
                                        size_t Begin, size_t End) {
  std::vector<Duplicate> Found;
  for (size_t I = Begin; I < End; ++I) {
    uint64_t D = digest(Files[I].Content);
    if (std::optional<std::string> Original = Index.recordOrFind(D, Files[I].Path))
      Found.push_back({Files[I].Path, *Original});
  }
  return Found;
}

static std::vector<FileEntry> makeTree(int Count) {
  std::vector<FileEntry> Files;
  for (int I = 0; I < Count; ++I)
    Files.push_back({"backup/doc_" + std::to_string(I) + ".txt",
                     "quarterly report v" + std::to_string(I % 41) + std::string(300, 'x')});
  return Files;
}

int main() {
  const std::vector<FileEntry> Files = makeTree(900);
  DedupIndex Index;
  const size_t NumTasks = 4, Chunk = (Files.size() + NumTasks - 1) / NumTasks;
  std::vector<std::future<std::vector<Duplicate>>> Tasks;
  for (size_t T = 0; T < NumTasks; ++T) {
    size_t Begin = T * Chunk, End = std::min(Files.size(), Begin + Chunk);
    Tasks.push_back(std::async(std::launch::async, scanShard, std::cref(Files), std::ref(Index),
                               Begin, End));
  }
  size_t Duplicates = 0;
  for (auto &Task : Tasks)
    for (const Duplicate &D : Task.get())
      Duplicates += !D.Original.empty();
  std::printf("%zu unique files, %zu duplicates\n", Index.size(), Duplicates);
}
