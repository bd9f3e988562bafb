// From racy_retry_queue.cpp (FN on Delivered and TotalAttempts, lines 87-88 and 92-93).
// A [this] closure is copied into a member of a class owning a thread and
// called on that thread. A capture-free closure writing a global is found;
// the captured 'this' (likewise a [&Local] capture) is lost on the way.
#include <thread>

template <typename Fn> struct Runner {
  explicit Runner(Fn F) : Callback(F), Worker(&Runner::loop, this) {}
  ~Runner() { Worker.join(); }
  void loop() { Callback(); }
  Fn Callback;
  std::thread Worker;
};

struct Notifier {
  int Delivered = 0;
  void run() {
    auto OnDone = [this] { ++Delivered; }; // expect-race: Delivered
    Runner<decltype(OnDone)> R(OnDone);
    int Seen = Delivered; // expect-race: Delivered
    (void)Seen;
  }
};

int main() { Notifier N; N.run(); }
