// FN: the hand-written thread-pool pattern. Jobs are lambdas stored as
// std::function in a container and invoked by the worker thread; both jobs
// push_back into Results. racecheck does not look into callables taken out
// of a container, so the race is silent (one std::function passed directly
// to two std::threads is reported).
#include <functional>
#include <thread>
#include <vector>
std::vector<long> Results;
void runAll(std::vector<std::function<void()>> &Jobs) {
  for (auto &J : Jobs)
    J();
}
int main() {
  std::vector<std::function<void()>> Jobs1, Jobs2;
  Jobs1.push_back([] { Results.push_back(1); }); // expect-race: Results
  Jobs2.push_back([] { Results.push_back(2); }); // expect-race: Results
  std::thread A(runAll, std::ref(Jobs1));
  std::thread B(runAll, std::ref(Jobs2));
  A.join();
  B.join();
}
