// Thumbnail service: a worker thread downsamples an uploaded image and hands
// the thumbnail to the caller through a promise. A sharpening pass was added
// later, after the hand-off, so it runs while the caller reads the result.
#include <cstdint>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

struct Image {
  int Width = 0;
  int Height = 0;
  std::vector<uint8_t> Pixels;
};

static Image makeUpload(int W, int H) {
  Image Img{W, H, std::vector<uint8_t>(W * H)};
  for (int Y = 0; Y < H; ++Y)
    for (int X = 0; X < W; ++X)
      Img.Pixels[Y * W + X] = static_cast<uint8_t>((X ^ Y) * 3);
  return Img;
}

static void downscale(const Image &Src, int Factor, Image &Dst) {
  Dst.Width = Src.Width / Factor;
  Dst.Height = Src.Height / Factor;
  Dst.Pixels.assign(Dst.Width * Dst.Height, 0);
  for (int Y = 0; Y < Dst.Height; ++Y)
    for (int X = 0; X < Dst.Width; ++X) {
      int Sum = 0;
      for (int DY = 0; DY < Factor; ++DY)
        for (int DX = 0; DX < Factor; ++DX)
          Sum += Src.Pixels[(Y * Factor + DY) * Src.Width + X * Factor + DX];
      Dst.Pixels[Y * Dst.Width + X] = static_cast<uint8_t>(Sum / (Factor * Factor));
    }
}

static void sharpen(Image &Img) {
  for (size_t I = 1; I + 1 < Img.Pixels.size(); ++I) {
    int V = 2 * Img.Pixels[I] - (Img.Pixels[I - 1] + Img.Pixels[I + 1]) / 2;
    Img.Pixels[I] = static_cast<uint8_t>(V < 0 ? 0 : V > 255 ? 255 : V); // expect-race: Pixels
  }
}

static void thumbnailWorker(const Image *Upload, Image *Thumb, std::promise<Image *> Done) {
  downscale(*Upload, 4, *Thumb);
  Done.set_value(Thumb);
  sharpen(*Thumb); // post-processing, added after the hand-off
}

static long checksum(const Image &Img) {
  long Sum = 0;
  for (size_t I = 0; I < Img.Pixels.size(); ++I)
    Sum = (Sum * 31 + Img.Pixels[I]) % 1000000007; // expect-race: Pixels
  return Sum;
}

int main() {
  const Image Upload = makeUpload(640, 480);
  Image Thumb;
  std::promise<Image *> Promise;
  std::future<Image *> Ready = Promise.get_future();
  std::thread Worker(thumbnailWorker, &Upload, &Thumb, std::move(Promise));
  Image *Result = Ready.get();
  std::printf("thumbnail %dx%d checksum %ld\n", Result->Width, Result->Height, checksum(*Result));
  Worker.join();
}
