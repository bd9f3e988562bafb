// Bloom filter of a spam-checking service: loader threads add known-bad
// sender addresses while a checker thread already answers queries. The bit
// array is a plain byte vector, and 12000 bit sets into 512 bytes collide.
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

class BloomFilter {
public:
  explicit BloomFilter(size_t NumBits) : Bits((NumBits + 7) / 8, 0) {}

  void add(const std::string &Key) {
    for (unsigned Seed = 0; Seed < NumHashes; ++Seed) {
      size_t H = bitIndex(Key, Seed);
      Bits[H / 8] |= static_cast<uint8_t>(1u << (H % 8)); // expect-race: Bits
    }
  }

  bool mayContain(const std::string &Key) const {
    for (unsigned Seed = 0; Seed < NumHashes; ++Seed) {
      size_t H = bitIndex(Key, Seed);
      if (!(Bits[H / 8] & (1u << (H % 8)))) // expect-race: Bits
        return false;
    }
    return true;
  }

private:
  size_t bitIndex(const std::string &Key, unsigned Seed) const {
    uint64_t Hash = 1469598103934665603ull ^ (Seed * 0x9E3779B97F4A7C15ull);
    for (unsigned char C : Key) {
      Hash ^= C;
      Hash *= 1099511628211ull;
    }
    return Hash % (Bits.size() * 8);
  }

  static constexpr unsigned NumHashes = 3;
  std::vector<uint8_t> Bits;
};

static std::string senderAddress(int Shard, int I) {
  return "spammer" + std::to_string(Shard * 100000 + I) + "@bulk-mail.example";
}

static void loadShard(BloomFilter &Filter, int Shard, int Count) {
  for (int I = 0; I < Count; ++I)
    Filter.add(senderAddress(Shard, I));
}

static void answerQueries(const BloomFilter &Filter, int Queries, int &Flagged) {
  for (int I = 0; I < Queries; ++I)
    if (Filter.mayContain("user" + std::to_string(I) + "@example.com"))
      ++Flagged;
}

int main() {
  BloomFilter Filter(4096);
  int Flagged = 0;
  std::thread Loader1(loadShard, std::ref(Filter), 1, 2000);
  std::thread Loader2(loadShard, std::ref(Filter), 2, 2000);
  std::thread Checker(answerQueries, std::cref(Filter), 5000, std::ref(Flagged));
  Loader1.join();
  Loader2.join();
  Checker.join();
  int Missing = 0;
  for (int I = 0; I < 2000; ++I)
    Missing += !Filter.mayContain(senderAddress(1, I));
  std::printf("flagged %d innocent senders while loading, %d false negatives\n", Flagged, Missing);
}
