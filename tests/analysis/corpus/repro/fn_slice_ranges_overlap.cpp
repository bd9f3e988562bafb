// FN: both threads get the SAME range [0, 1000) and do S[I] += 1 on it.
// racecheck treats S[I], with I running between the thread's Begin/End
// arguments, as a private slice without comparing the values passed at the
// spawn sites: identical ranges, overlapping ranges ([0,600) + [500,1000))
// and inclusive bounds (I <= End) are all silent. With the bounds written
// inside the thread function (I < S.size()) the race is reported.
#include <thread>
#include <vector>
void fill(std::vector<float> &S, size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I)
    S[I] += 1.0f; // expect-race: S
}
int main() {
  std::vector<float> S(1000);
  std::thread A(fill, std::ref(S), 0, 1000);
  std::thread B(fill, std::ref(S), 0, 1000);
  A.join();
  B.join();
}
