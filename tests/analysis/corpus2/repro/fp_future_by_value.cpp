// FP (clean_render_shared_future.cpp:26-28 vs 38/47): promise::set_value ->
// future::wait orders the write before the read, but only when the thread
// uses the future variable itself (captured by reference). Passed by value
// (a shared_future copy here, or a std::future moved in as an argument, or a
// shared_future captured by copy) the ordering is lost. Clean program.
#include <future>
#include <thread>
static int Config;
static void worker(std::shared_future<void> Go, int &Out) {
  Go.wait();
  Out = Config;
}
int main() {
  std::promise<void> Start;
  std::shared_future<void> Go = Start.get_future().share();
  int R = 0;
  std::thread T(worker, Go, std::ref(R));
  Config = 42;
  Start.set_value();
  T.join();
  return R;
}
