// Charging yard: forklifts parked in a circle share a charger cable with
// each neighbour and need both cables to fast-charge. The last forklift in
// the ring reaches for its cables the other way round.
#include <array>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

constexpr int kForklifts = 5;

std::array<std::mutex, kForklifts> cables;
std::array<int, kForklifts> charges{};

void fastCharge(int id) {
    int first = id;
    int second = (id + 1) % kForklifts;
    if (id == kForklifts - 1)
        std::swap(first, second);
    std::lock_guard<std::mutex> a(cables[first]);
    std::lock_guard<std::mutex> b(cables[second]);
    ++charges[id];
    std::this_thread::sleep_for(std::chrono::microseconds(30));
}

void shift(int id, int cycles) {
    for (int c = 0; c < cycles; ++c) {
        fastCharge(id);
        std::this_thread::sleep_for(std::chrono::microseconds(10));
    }
}

int main() {
    std::vector<std::thread> yard;
    for (int i = 0; i < kForklifts; ++i)
        yard.emplace_back(shift, i, 300);
    for (auto& t : yard)
        t.join();
    int total = 0;
    for (int c : charges)
        total += c;
    std::cout << "charge cycles completed: " << total << "\n";
    return total == kForklifts * 300 ? 0 : 1;
}
