// Control for fn_closure_captures_in_member.cpp: a capture-free closure writing a global is found.
// global counter, callback lambda local to a member function (not main)
#include <thread>
int Delivered = 0;
template <typename Fn> class Runner {
public:
  explicit Runner(Fn F) : Callback(F), Worker(&Runner::loop, this) {}
  ~Runner() { Worker.join(); }
private:
  void loop() { Callback(); }
  Fn Callback;
  std::thread Worker;
};
struct Notifier {
  void run() {
    auto OnDone = [] { ++Delivered; }; // expect-race: Delivered
    Runner<decltype(OnDone)> R(OnDone);
    int Seen = Delivered; // expect-race: Delivered
    (void)Seen;
  }
};
int main() {
  Notifier N;
  N.run();
}
