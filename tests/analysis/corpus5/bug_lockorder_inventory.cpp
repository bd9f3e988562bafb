// Store back-office: one thread restocks shelves and updates the catalog,
// another thread audits the catalog against the stock counts.
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>

struct ShiftConfig {
    bool valid;
    int rounds;
};

std::mutex stockMutex;                 // guards stockLevels
std::mutex catalogMutex;               // guards catalogPrices
std::map<std::string, int> stockLevels{{"soap", 40}, {"rice", 25}, {"tea", 60}};
std::map<std::string, double> catalogPrices{{"soap", 1.99}, {"rice", 3.49}, {"tea", 2.25}};

void restock(int rounds) {
    for (int r = 0; r < rounds; ++r) {
        std::lock_guard<std::mutex> stock(stockMutex);       // expect-lock-order: StockMutex
        stockLevels["rice"] += 5;
        // A large delivery lowers the unit price a little.
        std::lock_guard<std::mutex> catalog(catalogMutex);   // expect-lock-order: CatalogMutex
        catalogPrices["rice"] *= 0.999;
    }
}

int audit(int rounds) {
    int mismatches = 0;
    for (int r = 0; r < rounds; ++r) {
        std::lock_guard<std::mutex> catalog(catalogMutex);   // expect-lock-order: CatalogMutex
        for (const auto& [item, price] : catalogPrices) {
            std::lock_guard<std::mutex> stock(stockMutex);   // expect-lock-order: StockMutex
            if (stockLevels.count(item) == 0 || price <= 0.0)
                ++mismatches;
        }
    }
    return mismatches;
}

int runShift(const ShiftConfig& cfg) {
    int mismatches = 0;
    std::thread restocker(restock, cfg.rounds);                      // expect-unjoined-thread: Restocker
    std::thread auditor([&] { mismatches = audit(cfg.rounds); });    // expect-unjoined-thread: Auditor
    if (!cfg.valid) {
        std::cerr << "invalid shift configuration\n";
        return -1;
    }
    restocker.join();
    auditor.join();
    return mismatches;
}

int main() {
    ShiftConfig cfg{true, 5000};
    int bad = runShift(cfg);
    std::lock_guard<std::mutex> s(stockMutex);
    std::cout << "rice in stock: " << stockLevels["rice"] << ", mismatches: " << bad << "\n";
    return bad == 0 ? 0 : 1;
}
