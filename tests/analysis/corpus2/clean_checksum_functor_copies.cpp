// CRC-32 of several files in parallel with a callable object. Each thread
// receives its own copy of the functor and writes its result through a
// pointer to its own output slot.
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

static std::array<uint32_t, 256> makeCrcTable() {
  std::array<uint32_t, 256> T{};
  for (uint32_t I = 0; I < 256; ++I) {
    uint32_t C = I;
    for (int K = 0; K < 8; ++K)
      C = C & 1 ? 0xEDB88320u ^ (C >> 1) : C >> 1;
    T[I] = C;
  }
  return T;
}

static const std::array<uint32_t, 256> CrcTable = makeCrcTable();

class CrcJob {
public:
  CrcJob(std::string Contents, uint32_t *Out) : Contents(std::move(Contents)), Out(Out) {}

  void operator()() {
    Crc = 0xFFFFFFFFu;
    for (unsigned char Ch : Contents)
      Crc = CrcTable[(Crc ^ Ch) & 0xFF] ^ (Crc >> 8);
    Crc ^= 0xFFFFFFFFu;
    ++BytesSeen;
    *Out = Crc;
  }

private:
  std::string Contents;
  uint32_t *Out;
  uint32_t Crc = 0;
  size_t BytesSeen = 0;
};

static std::string fakeFile(int N) {
  std::string S;
  for (int I = 0; I < 10000 + N * 100; ++I)
    S.push_back(char('a' + (I * N) % 26));
  return S;
}

int main() {
  const int Files = 5;
  std::vector<uint32_t> Crcs(Files, 0);
  std::vector<std::thread> Threads;
  for (int F = 0; F < Files; ++F) {
    CrcJob Job(fakeFile(F), &Crcs[F]);
    Threads.emplace_back(Job);
  }
  for (auto &T : Threads)
    T.join();
  for (int F = 0; F < Files; ++F)
    std::printf("file%d.txt  %08x\n", F, Crcs[F]);
  return 0;
}
