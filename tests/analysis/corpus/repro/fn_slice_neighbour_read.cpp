// FN: in-place stencil over per-thread index ranges. S[I] is written by the
// thread that owns I, but S[I + 1] (I = 500) is read by thread A while
// thread B writes it. racecheck treats every S[...] indexed from the loop
// variable as part of the thread's slice, offsets included.
#include <thread>
#include <vector>
void smooth(std::vector<float> &S, size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I)
    S[I] = S[I] + S[I + 1]; // expect-race: S
}
int main() {
  std::vector<float> S(1002, 1.0f);
  std::thread A(smooth, std::ref(S), 1, 501);
  std::thread B(smooth, std::ref(S), 501, 1001);
  A.join();
  B.join();
}
