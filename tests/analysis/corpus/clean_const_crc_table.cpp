// CRC-32 of many buffers in parallel. The lookup table is built at compile
// time (constexpr) and is read-only; each thread writes only its own
// result slot.
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

constexpr std::array<std::uint32_t, 256> makeCrcTable() {
  std::array<std::uint32_t, 256> T{};
  for (std::uint32_t I = 0; I < 256; ++I) {
    std::uint32_t C = I;
    for (int K = 0; K < 8; ++K)
      C = (C & 1) ? 0xEDB88320u ^ (C >> 1) : C >> 1;
    T[I] = C;
  }
  return T;
}

const std::array<std::uint32_t, 256> CrcTable = makeCrcTable();
const char *const Banner = "crc32 v1";

std::uint32_t crc32(const std::string &Data) {
  std::uint32_t C = 0xFFFFFFFFu;
  for (unsigned char B : Data)
    C = CrcTable[(C ^ B) & 0xFF] ^ (C >> 8);
  return C ^ 0xFFFFFFFFu;
}

int main() {
  std::vector<std::string> Files = {"hello world", "racelab", "mutex",
                                    "condition variable", "atomic"};
  std::vector<std::uint32_t> Crcs(Files.size());
  std::vector<std::thread> Threads;
  for (size_t I = 0; I < Files.size(); ++I)
    Threads.emplace_back([&Files, &Crcs, I] { Crcs[I] = crc32(Files[I]); });
  for (auto &T : Threads)
    T.join();
  std::puts(Banner);
  for (size_t I = 0; I < Files.size(); ++I)
    std::printf("%08x  %s\n", Crcs[I], Files[I].c_str());
}
