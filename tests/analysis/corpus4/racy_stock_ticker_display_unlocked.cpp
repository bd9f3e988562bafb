// Stock ticker: feed threads update quotes under the quote's mutex; a display
// thread prints them. Races: printQuote() reads Quote::LastPrice without the
// lock (it only locks for the daily high), while the feeds write it.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Quote {
  std::string Symbol;
  std::mutex M;
  double LastPrice = 0; // guarded by M
  double High = 0;      // guarded by M
};

void applyTrade(Quote &Q, double Price) {
  std::lock_guard<std::mutex> Lock(Q.M);
  Q.LastPrice = Price; // expect-race: LastPrice
  if (Price > Q.High)
    Q.High = Price;
}

void printQuote(Quote &Q) {
  double High;
  {
    std::lock_guard<std::mutex> Lock(Q.M);
    High = Q.High;
  }
  std::printf("%-5s last %8.2f high %8.2f\n", Q.Symbol.c_str(),
              Q.LastPrice, High); // expect-race: LastPrice
}

int main() {
  std::vector<Quote> Board(3);
  Board[0].Symbol = "ACME";
  Board[1].Symbol = "GLOB";
  Board[2].Symbol = "INIT";

  std::vector<std::thread> Feeds;
  for (int F = 0; F < 2; ++F)
    Feeds.emplace_back([&Board, F] {
      for (int I = 0; I < 300; ++I) {
        applyTrade(Board[I % 3], 100.0 + F * 5 + (I % 17) * 0.25);
        if (I % 30 == 0) // trades arrive in bursts
          std::this_thread::sleep_for(std::chrono::microseconds(100));
      }
    });
  std::thread Display([&Board] {
    for (int Frame = 0; Frame < 4; ++Frame) {
      for (Quote &Q : Board)
        printQuote(Q);
      std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
  });
  for (auto &T : Feeds)
    T.join();
  Display.join();
  return 0;
}
