// Counts primes below a limit with a callable object. Each thread tests
// every NumThreads-th number; the object is shared through std::ref.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

static bool isPrime(uint64_t N) {
  if (N < 2)
    return false;
  if (N % 2 == 0)
    return N == 2;
  for (uint64_t D = 3; D * D <= N; D += 2)
    if (N % D == 0)
      return false;
  return true;
}

class PrimeCounter {
public:
  explicit PrimeCounter(uint64_t Limit) : Limit(Limit) {}

  void operator()(uint64_t Start, uint64_t Step) {
    for (uint64_t N = Start; N < Limit; N += Step)
      if (isPrime(N))
        ++Found; // expect-race: Found
  }

  uint64_t found() const { return Found; }
  uint64_t limit() const { return Limit; }

private:
  uint64_t Limit;
  uint64_t Found = 0;
};

int main() {
  const unsigned NumThreads = 4;
  PrimeCounter Counter(200000);
  std::vector<std::thread> Threads;
  for (unsigned T = 0; T < NumThreads; ++T)
    Threads.emplace_back(std::ref(Counter), uint64_t(T), uint64_t(NumThreads));
  for (auto &T : Threads)
    T.join();
  std::printf("%llu primes below %llu\n", (unsigned long long)Counter.found(),
              (unsigned long long)Counter.limit());
  return 0;
}
