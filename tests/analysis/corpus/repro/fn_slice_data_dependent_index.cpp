// FN: a histogram bucket chosen by the data (Hist[Pixels[I]]) is written by
// both threads. racecheck treats any subscript that mentions the slice's
// loop variable as the thread's own element: Hist[Pixels[I]], Hist[I % 16]
// and Hist[I / 100] are all silent; only Hist[0] is reported.
#include <thread>
#include <vector>
std::vector<unsigned char> Pixels(1000, 7);
unsigned Hist[256];
void countRange(size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I)
    ++Hist[Pixels[I]]; // expect-race: Hist
}
int main() {
  std::thread A(countRange, 0, 500);
  std::thread B(countRange, 500, 1000);
  A.join();
  B.join();
  return Hist[7];
}
