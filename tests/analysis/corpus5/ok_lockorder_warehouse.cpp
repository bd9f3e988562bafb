// Warehouse bins: pickers move pallets between storage bins. Bins are
// always locked lowest index first, whichever direction the pallet goes.
#include <algorithm>
#include <array>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

struct Bin {
    std::mutex m;
    int pallets = 50;
};

std::array<Bin, 6> bins;

bool movePallets(std::size_t src, std::size_t dst, int count) {
    if (src == dst)
        return true;
    std::size_t lo = std::min(src, dst);
    std::size_t hi = std::max(src, dst);
    std::lock_guard<std::mutex> first(bins[lo].m);
    std::lock_guard<std::mutex> second(bins[hi].m);
    if (bins[src].pallets < count)
        return false;
    bins[src].pallets -= count;
    bins[dst].pallets += count;
    return true;
}

void picker(std::size_t a, std::size_t b, int rounds) {
    for (int r = 0; r < rounds; ++r) {
        movePallets(a, b, 2);
        movePallets(b, a, 1);
    }
}

int main() {
    std::vector<std::thread> pickers;
    pickers.emplace_back(picker, 0, 1, 3000);
    pickers.emplace_back(picker, 1, 0, 3000);
    pickers.emplace_back(picker, 2, 5, 3000);
    pickers.emplace_back(picker, 5, 0, 3000);
    for (auto& t : pickers)
        t.join();

    int total = 0;
    for (std::size_t i = 0; i < bins.size(); ++i) {
        std::lock_guard<std::mutex> lk(bins[i].m);
        std::cout << "bin " << i << ": " << bins[i].pallets << "\n";
        total += bins[i].pallets;
    }
    return total == 300 ? 0 : 1;
}
