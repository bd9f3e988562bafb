// Concurrent Bloom filter for a crawler's URL-seen test: the bit array is a
// vector of std::atomic<uint64_t> words, set with fetch_or and read with
// relaxed loads. False positives are allowed by design, data races are not.
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

class AtomicBloomFilter {
public:
  AtomicBloomFilter(size_t NumBits, unsigned NumHashes)
      : Words((NumBits + 63) / 64), NumHashes(NumHashes) {}

  void add(const std::string &Key) {
    uint64_t H1 = hash(Key, 0x9E3779B97F4A7C15ull), H2 = hash(Key, 0xC2B2AE3D27D4EB4Full) | 1;
    for (unsigned I = 0; I < NumHashes; ++I) {
      uint64_t Bit = (H1 + I * H2) % (Words.size() * 64);
      Words[Bit / 64].fetch_or(uint64_t{1} << (Bit % 64), std::memory_order_relaxed);
    }
  }

  bool mayContain(const std::string &Key) const {
    uint64_t H1 = hash(Key, 0x9E3779B97F4A7C15ull), H2 = hash(Key, 0xC2B2AE3D27D4EB4Full) | 1;
    for (unsigned I = 0; I < NumHashes; ++I) {
      uint64_t Bit = (H1 + I * H2) % (Words.size() * 64);
      if (!(Words[Bit / 64].load(std::memory_order_relaxed) & (uint64_t{1} << (Bit % 64))))
        return false;
    }
    return true;
  }

  size_t bitsSet() const {
    size_t N = 0;
    for (const std::atomic<uint64_t> &W : Words)
      N += std::popcount(W.load(std::memory_order_relaxed));
    return N;
  }

private:
  static uint64_t hash(const std::string &Key, uint64_t Seed) {
    uint64_t H = 14695981039346656037ull ^ Seed;
    for (unsigned char C : Key) {
      H ^= C;
      H *= 1099511628211ull;
    }
    return H;
  }

  std::vector<std::atomic<uint64_t>> Words;
  const unsigned NumHashes;
};

int main() {
  AtomicBloomFilter Seen(1 << 14, 4);
  std::vector<std::thread> Crawlers;
  for (int C = 0; C < 3; ++C)
    Crawlers.emplace_back([&Seen, Prefix = "https://site" + std::to_string(C) + ".example/"] {
      for (int Page = 0; Page < 1500; ++Page)
        Seen.add(Prefix + std::to_string(Page));
    });
  int EarlyHits = 0;
  std::thread Checker([=, &Seen, &EarlyHits] {
    for (int Page = 0; Page < 3000; ++Page)
      EarlyHits += Seen.mayContain("https://site1.example/" + std::to_string(Page));
  });
  for (std::thread &T : Crawlers)
    T.join();
  Checker.join();
  int Missing = 0;
  for (int Page = 0; Page < 1500; ++Page)
    Missing += !Seen.mayContain("https://site2.example/" + std::to_string(Page));
  std::printf("%zu bits set, %d early hits, %d missing\n", Seen.bitsSet(), EarlyHits, Missing);
}
