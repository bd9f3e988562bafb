// Duplicate file finder: scanner threads hash the files of their share of
// the tree and record each digest in a shared index. The lookup happens
// before the index lock is taken, to keep the critical section small.
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

struct FileEntry {
  std::string Path;
  std::string Content;
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
  // Returns the path of an earlier file with the same content, or "".
  std::string record(uint64_t Digest, const std::string &Path) {
    if (auto It = FirstSeen.find(Digest); It != FirstSeen.end()) // expect-race: FirstSeen looked up without the lock
      return It->second; // expect-race: FirstSeen
    std::lock_guard<std::mutex> Lock(Mutex);
    FirstSeen.emplace(Digest, Path); // expect-race: FirstSeen
    return "";
  }

  size_t uniqueFiles() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return FirstSeen.size();
  }

private:
  std::mutex Mutex;
  std::unordered_map<uint64_t, std::string> FirstSeen;
};

static std::vector<FileEntry> makeTree(int Count) {
  std::vector<FileEntry> Files;
  for (int I = 0; I < Count; ++I)
    Files.push_back({"photos/img_" + std::to_string(I) + ".jpg",
                     "JPEG:" + std::to_string(I % 37) + std::string(200, char('a' + I % 5))});
  return Files;
}

using DuplicateList = std::vector<std::pair<std::string, std::string>>;

static void scan(const std::vector<FileEntry> &Files, DedupIndex &Index, size_t First,
                 size_t Stride, DuplicateList &Found) {
  for (size_t I = First; I < Files.size(); I += Stride) {
    std::string Original = Index.record(digest(Files[I].Content), Files[I].Path);
    if (!Original.empty())
      Found.emplace_back(Files[I].Path, Original);
  }
}

int main() {
  const std::vector<FileEntry> Files = makeTree(600);
  constexpr size_t NumScanners = 3;
  DedupIndex Index;
  std::vector<DuplicateList> Found(NumScanners);
  std::vector<std::thread> Scanners;
  for (size_t S = 0; S < NumScanners; ++S)
    Scanners.emplace_back(scan, std::cref(Files), std::ref(Index), S, NumScanners,
                          std::ref(Found[S]));
  for (auto &T : Scanners)
    T.join();
  size_t Duplicates = 0;
  for (const DuplicateList &L : Found)
    Duplicates += L.size();
  std::printf("%zu unique, %zu duplicates\n", Index.uniqueFiles(), Duplicates);
}
