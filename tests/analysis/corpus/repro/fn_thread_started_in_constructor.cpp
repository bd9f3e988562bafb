// FN: a thread started in the constructor (here by assignment in the body;
// 'Encoder() : Worker(&Encoder::run, this) {}' is missed too) writes Done
// while main reads it through done(). The same class with a start() member
// that does the assignment is reported.
#include <thread>
class Encoder {
public:
  Encoder() { Worker = std::thread(&Encoder::run, this); }
  int done() const { return Done; } // expect-race: Done
  void wait() { Worker.join(); }
private:
  void run() { for (int I = 0; I < 100; ++I) Done = I; } // expect-race: Done
  int Done = 0;
  std::thread Worker;
};
int main() {
  Encoder E;
  int P = E.done();
  E.wait();
  return P;
}
