// FN: the object is filled in through a local pointer S and then published
// through the plain global Loaded; main spins on Loaded and reads FontSize.
// The race on Loaded is reported, the one on the FontSize field is not:
// the write through S is not connected to the object read through Loaded.
// Writing through Loaded itself (Loaded = new ...; Loaded->FontSize = 14)
// is reported.
#include <thread>
struct Settings { int FontSize = 0; };
Settings *Loaded = nullptr;
int main() {
  std::thread Loader([] {
    auto *S = new Settings;
    S->FontSize = 14; // expect-race: FontSize
    Loaded = S; // expect-race: Loaded
  });
  while (Loaded == nullptr) { // expect-race: Loaded
  }
  int F = Loaded->FontSize; // expect-race: Loaded, expect-race: FontSize
  Loader.join();
  return F;
}
