// A loader thread parses settings and publishes them through a plain
// pointer; the UI thread spins until the pointer is non-null and then uses
// the object. Neither the pointer nor the fields written before publishing
// are ordered with the reader.
#include <cstdio>
#include <string>
#include <thread>

struct Settings {
  std::string Theme;
  int FontSize = 0;
  bool ShowToolbar = false;
};

Settings *Loaded = nullptr;

Settings *parseSettings(const char *Text) {
  auto *S = new Settings;
  S->Theme = Text; // expect-race: Theme
  S->FontSize = 14; // expect-race: FontSize
  S->ShowToolbar = true; // expect-race: ShowToolbar
  return S;
}

void loaderThread() {
  Settings *S = parseSettings("solarized");
  Loaded = S; // expect-race: Loaded published without a barrier
}

void uiThread() {
  while (Loaded == nullptr) { // expect-race: Loaded
    std::this_thread::yield();
  }
  const Settings *S = Loaded; // expect-race: Loaded
  std::printf("theme=%s font=%d toolbar=%d\n",
              S->Theme.c_str(), // expect-race: Theme
              S->FontSize, // expect-race: FontSize
              S->ShowToolbar); // expect-race: ShowToolbar
}

int main() {
  std::thread Ui(uiThread);
  std::thread Loader(loaderThread);
  Loader.join();
  Ui.join();
  delete Loaded;
}
