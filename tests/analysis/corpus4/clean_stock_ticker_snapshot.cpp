// Stock ticker: feed threads apply trades to a board of quotes; a display
// thread periodically takes a snapshot and prints it. Correct: trades and
// snapshots both hold the board mutex; printing works on the private copy.
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Quote {
  double Last = 0;
  double High = 0;
  long Volume = 0;
};

class Board {
public:
  void trade(const std::string &Sym, double Price, long Qty) {
    std::lock_guard<std::mutex> Lock(M);
    Quote &Q = Quotes[Sym];
    Q.Last = Price;
    if (Price > Q.High)
      Q.High = Price;
    Q.Volume += Qty;
  }

  std::map<std::string, Quote> snapshot() const {
    std::lock_guard<std::mutex> Lock(M);
    return Quotes;
  }

private:
  mutable std::mutex M;
  std::map<std::string, Quote> Quotes;
};

void display(const Board &B, int Frames) {
  for (int F = 0; F < Frames; ++F) {
    auto Snap = B.snapshot();
    for (const auto &[Sym, Q] : Snap)
      std::printf("%-5s %7.2f  high %7.2f  vol %ld\n", Sym.c_str(), Q.Last, Q.High,
                  Q.Volume);
    std::this_thread::sleep_for(std::chrono::microseconds(400));
  }
}

int main() {
  Board B;
  const std::vector<std::string> Symbols = {"ACME", "GLOB", "INIT", "ZETA"};
  std::vector<std::thread> Feeds;
  for (int F = 0; F < 2; ++F)
    Feeds.emplace_back([&B, &Symbols, F] {
      for (int I = 0; I < 400; ++I)
        B.trade(Symbols[(I + F) % Symbols.size()], 50.0 + (I * 13 % 29) * 0.5,
                10 + F);
    });
  std::thread Display(display, std::cref(B), 3);
  for (auto &T : Feeds)
    T.join();
  Display.join();
  display(B, 1);
  return 0;
}
