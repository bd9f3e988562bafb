// FN (found while reducing, not part of the scored corpus): a C++14
// init-capture by reference, [&Out = R], aliases R exactly like [&R] does,
// but racecheck does not follow it. [&R] and [Out = &R] are both reported.
#include <thread>
struct Report { int Errors = 0; };
int main() {
  Report R;
  std::thread A([&Out = R] { Out.Errors += 1; }); // expect-race: Errors
  std::thread B([&Out = R] { Out.Errors += 1; }); // expect-race: Errors
  A.join();
  B.join();
  return R.Errors;
}
