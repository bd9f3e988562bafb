// Crossing engine for two order books: an arbitrage bot and a hedging bot
// each need both books at once and grab them in opposite orders, so the
// second book is only tried, never waited for.
#include <chrono>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>

struct OrderBook {
    std::string symbol;
    std::mutex m;
    int bids = 0;
    int asks = 0;
    explicit OrderBook(std::string s) : symbol(std::move(s)) {}
};

// Locks `first`, then tries `second`; on failure releases everything and
// backs off for a random short time before trying again.
int crossBooks(OrderBook& first, OrderBook& second, std::mt19937& rng) {
    std::uniform_int_distribution<int> jitter(1, 50);
    int retries = 0;
    for (;;) {
        std::unique_lock<std::mutex> a(first.m);
        std::unique_lock<std::mutex> b(second.m, std::try_to_lock);
        if (b.owns_lock()) {
            ++first.bids;
            ++second.asks;
            return retries;
        }
        a.unlock();
        ++retries;
        std::this_thread::sleep_for(std::chrono::microseconds(jitter(rng)));
    }
}

int main() {
    OrderBook eurusd("EURUSD");
    OrderBook usdjpy("USDJPY");
    int arbRetries = 0, hedgeRetries = 0;

    std::thread arbitrage([&] {
        std::mt19937 rng(1);
        for (int i = 0; i < 2000; ++i)
            arbRetries += crossBooks(eurusd, usdjpy, rng);
    });
    std::thread hedging([&] {
        std::mt19937 rng(2);
        for (int i = 0; i < 2000; ++i)
            hedgeRetries += crossBooks(usdjpy, eurusd, rng);
    });
    arbitrage.join();
    hedging.join();

    std::cout << eurusd.symbol << " bids=" << eurusd.bids << " asks=" << eurusd.asks << "\n";
    std::cout << usdjpy.symbol << " bids=" << usdjpy.bids << " asks=" << usdjpy.asks << "\n";
    std::cout << "retries: " << arbRetries << " / " << hedgeRetries << "\n";
    return eurusd.bids + usdjpy.bids == 4000 ? 0 : 1;
}
