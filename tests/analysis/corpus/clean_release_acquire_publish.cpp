// Publishing a parsed object to another thread through an atomic pointer
// with release/acquire: the fields written before the release store are
// visible to the reader after its acquire load.
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

struct Settings {
  std::string Theme;
  int FontSize = 0;
  bool ShowToolbar = false;
};

std::atomic<Settings *> Loaded{nullptr};

Settings *parseSettings(const char *Text) {
  auto *S = new Settings;
  S->Theme = Text;
  S->FontSize = 14;
  S->ShowToolbar = true;
  return S;
}

void loaderThread() {
  Settings *S = parseSettings("solarized");
  Loaded.store(S, std::memory_order_release);
}

void uiThread() {
  Settings *S;
  while ((S = Loaded.load(std::memory_order_acquire)) == nullptr)
    std::this_thread::yield();
  std::printf("theme=%s font=%d toolbar=%d\n", S->Theme.c_str(), S->FontSize,
              S->ShowToolbar);
}

int main() {
  std::thread Ui(uiThread);
  std::thread Loader(loaderThread);
  Loader.join();
  Ui.join();
  delete Loaded.load();
}
