// FN (racy_config_shared_ptr_swap.cpp:36/50): assigning a whole library
// object (shared_ptr, string, vector: operator=, reset) is not a write and
// copying it is not a read. `Current += ...` on a string vs size() is seen.
#include <memory>
#include <thread>
struct Config {
  int Limit = 1;
};
static std::shared_ptr<const Config> Current = std::make_shared<Config>();
int main() {
  std::thread Reloader([] { Current = std::make_shared<Config>(); }); // expect-race: Current
  std::thread Worker([] {
    std::shared_ptr<const Config> C = Current; // expect-race: Current
    (void)C;
  });
  Reloader.join();
  Worker.join();
}
