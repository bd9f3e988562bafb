// FN (racy_pthread_histogram.c:41): a local computed from the thread's own
// slot of the input (B = Samples[I] % 16) is trusted as a thread-own index,
// so the shared histogram is taken as sliced. Bins[Samples[I] % 16]++
// written inline is reported.
#include <thread>
static int Samples[1000];
static long Bins[16];
static void fill(int Begin, int End) {
  for (int I = Begin; I < End; ++I) {
    int B = Samples[I] % 16;
    Bins[B]++; // expect-race: Bins
  }
}
int main() {
  std::thread A(fill, 0, 500), B(fill, 500, 1000);
  A.join();
  B.join();
}
