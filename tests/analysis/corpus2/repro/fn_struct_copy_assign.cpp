// FN (racy_telemetry_relaxed.cpp:36/46): copying or assigning a whole
// trivially copyable struct is not an access in C++ (the trivial implicit
// operator= / copy constructor has no body). The same code in C is reported.
#include <thread>
struct Frame {
  long Seq;
  double Temperature;
};
static Frame Latest;
static Frame measure(long Seq) { return Frame{Seq, 21.5}; }
int main() {
  std::thread Producer([] { Latest = measure(1); }); // expect-race: Latest
  std::thread Consumer([] {
    Frame Copy = Latest; // expect-race: Latest
    (void)Copy;
  });
  Producer.join();
  Consumer.join();
}
