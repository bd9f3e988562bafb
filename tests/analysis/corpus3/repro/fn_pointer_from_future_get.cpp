// From racy_thumbnail_handoff.cpp (FN on Pixels, lines 41 and 54).
// The worker keeps writing after set_value(); main reads through the pointer
// it got back from future::get(). Reading 'Thumb.Pixels' directly is reported;
// reading through 'Result' is not: the pointer from get() is bound to nothing.
#include <future>
#include <thread>

struct Image { int Pixels = 0; };

void worker(Image *Out, std::promise<Image *> Done) {
  Out->Pixels = 1;
  Done.set_value(Out);
  Out->Pixels = 2; // expect-race: Pixels
}

int main() {
  Image Thumb;
  std::promise<Image *> P;
  std::future<Image *> F = P.get_future();
  std::thread T(worker, &Thumb, std::move(P));
  Image *Result = F.get();
  int Seen = Result->Pixels; // expect-race: Pixels
  (void)Seen;
  T.join();
}
