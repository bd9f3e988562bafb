// Cache warmer: a background thread precomputes the hot entries, then sets a
// done flag; the request path spins on the flag and then serves from Warmed.
// Races: Done is a volatile bool, not an atomic, so both the flag and the
// entries in Warmed are shared without synchronisation.
#include <cstdio>
#include <thread>
#include <vector>

std::vector<long> Warmed; // value of key K at index K
volatile bool Done = false;

long expensiveLookup(int Key) {
  long V = Key;
  for (int I = 0; I < 2000; ++I)
    V = (V * 6364136223846793005L + 1442695040888963407L) % 1000003L;
  return V;
}

void warm(int Count) {
  for (int Key = 0; Key < Count; ++Key)
    Warmed.push_back(expensiveLookup(Key)); // expect-race: Warmed
  Done = true; // expect-race: Done
}

long serve(int Key) {
  if (Key < static_cast<int>(Warmed.size())) // expect-race: Warmed
    return Warmed[Key];                      // expect-race: Warmed
  return expensiveLookup(Key);
}

int main() {
  std::thread Warmer(warm, 64);
  while (!Done) // expect-race: Done
    std::this_thread::yield();
  long Sum = 0;
  for (int Key = 0; Key < 80; Key += 5)
    Sum += serve(Key);
  std::printf("served, checksum %ld\n", Sum);
  Warmer.join();
  return 0;
}
