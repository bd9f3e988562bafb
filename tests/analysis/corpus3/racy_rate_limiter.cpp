// Token-bucket rate limiter for an API gateway: request handlers take tokens,
// a refill thread tops the bucket up every millisecond. The fast path peeks
// at the bucket before taking the lock, to avoid locking when it is empty.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

class TokenBucket {
public:
  TokenBucket(int Capacity, int RefillPerTick)
      : Capacity(Capacity), RefillPerTick(RefillPerTick), Tokens(Capacity) {}

  bool tryAcquire() {
    // Fast path: do not bother locking when the bucket is obviously empty.
    if (Tokens <= 0) // expect-race: Tokens read without the lock
      return false;
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Tokens <= 0)
      return false;
    --Tokens; // expect-race: Tokens
    return true;
  }

  void refill() {
    std::lock_guard<std::mutex> Lock(Mutex);
    Tokens += RefillPerTick; // expect-race: Tokens
    if (Tokens > Capacity)
      Tokens = Capacity; // expect-race: Tokens
  }

  int available() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Tokens;
  }

private:
  const int Capacity;
  const int RefillPerTick;
  int Tokens;
  std::mutex Mutex;
};

struct HandlerStats {
  int Accepted = 0;
  int Rejected = 0;
};

static void handleRequests(TokenBucket &Bucket, HandlerStats &Stats, int Requests) {
  for (int I = 0; I < Requests; ++I) {
    if (Bucket.tryAcquire())
      ++Stats.Accepted;
    else
      ++Stats.Rejected;
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
}

int main() {
  TokenBucket Bucket(20, 5);
  std::atomic<bool> Running{true};

  std::thread Refiller([&] {
    while (Running.load()) {
      Bucket.refill();
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });

  constexpr int NumHandlers = 4;
  std::vector<HandlerStats> Stats(NumHandlers);
  std::vector<std::thread> Handlers;
  for (int H = 0; H < NumHandlers; ++H)
    Handlers.emplace_back(handleRequests, std::ref(Bucket), std::ref(Stats[H]), 500);
  for (auto &T : Handlers)
    T.join();
  Running = false;
  Refiller.join();

  int Accepted = 0, Rejected = 0;
  for (const HandlerStats &S : Stats) {
    Accepted += S.Accepted;
    Rejected += S.Rejected;
  }
  std::printf("accepted %d, rejected %d, left %d\n", Accepted, Rejected, Bucket.available());
}
