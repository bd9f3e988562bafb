// A thread pool the analysis cannot see into: its jobs race on Done only
// when the pool's submit is configured as a spawn function (the plugin's
// SpawnFunctions option, racecheck's --spawn-function / .racecheck.yaml).
#include <functional>

struct Pool {
  void submit(std::function<void()> Job);
  void wait();
};

long Done;

int main() {
  Pool P;
  for (int I = 0; I < 8; ++I)
    P.submit([] { Done++; });
  P.wait();
  return Done;
}
