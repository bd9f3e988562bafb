// Control for fn_pointer_from_future_get.cpp: with the same hand-off (promise
// captured by reference here), reading 'Thumb.Pixels' directly after get() is
// reported at the right lines. Reading through Image *Result = F.get()
// instead is missed: that is ../fn_pointer_from_future_get.cpp.
#include <future>
#include <thread>

struct Image { int Pixels = 0; };

int main() {
  Image Thumb;
  std::promise<Image *> P;
  std::future<Image *> F = P.get_future();
  std::thread T([&P, &Thumb] {
    Thumb.Pixels = 1;
    P.set_value(&Thumb);
    Thumb.Pixels = 2; // expect-race: Pixels
  });
  F.get();
  int Seen = Thumb.Pixels; // expect-race: Pixels
  (void)Seen;
  T.join();
}
