// FN: a function object keeps a reference to shared state (a pointer member
// 'Report *Out' is missed the same way). The functor is copied into each
// thread, but the Report it refers to is shared: both threads write
// R.Errors. A functor writing a global from operator() is reported.
#include <thread>
struct Report { int Errors = 0; };
class Pass {
public:
  explicit Pass(Report &Out) : Out(Out) {}
  void operator()() { Out.Errors += 1; } // expect-race: Errors
private:
  Report &Out;
};
int main() {
  Report R;
  std::thread A(Pass{R});
  std::thread B(Pass{R});
  A.join();
  B.join();
  return R.Errors;
}
