// Packet statistics on the receive path. Threads must never block, so the
// per-port table is updated only when the lock is free; otherwise the
// packet is counted as dropped from statistics.
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

struct Packet {
  int Port;
  int Length;
  bool Malformed;
};

class PacketStats {
public:
  void onPacket(const Packet &P) {
    if (M.try_lock()) {
      PerPort[P.Port] += P.Length;
      if (P.Malformed)
        ++Dropped; // expect-race: Dropped
      M.unlock();
    } else {
      // Contended: do not wait on the hot path.
      ++Dropped; // expect-race: Dropped
    }
  }

  void print() {
    std::lock_guard<std::mutex> L(M);
    for (const auto &[Port, Bytes] : PerPort)
      std::printf("port %d: %ld bytes\n", Port, Bytes);
    std::printf("dropped: %ld\n", Dropped);
  }

private:
  std::mutex M;
  std::map<int, long> PerPort;
  long Dropped = 0;
};

static Packet synthesize(int Queue, int Seq) {
  return Packet{80 + (Seq % 3) * 363, 64 + (Seq * 37 + Queue) % 1400, Seq % 97 == 0};
}

static void rxQueue(PacketStats &Stats, int Queue, int Count) {
  for (int Seq = 0; Seq < Count; ++Seq)
    Stats.onPacket(synthesize(Queue, Seq));
}

int main() {
  PacketStats Stats;
  std::vector<std::thread> Queues;
  for (int Q = 0; Q < 4; ++Q)
    Queues.emplace_back(rxQueue, std::ref(Stats), Q, 20000);
  for (auto &T : Queues)
    T.join();
  Stats.print();
  return 0;
}
