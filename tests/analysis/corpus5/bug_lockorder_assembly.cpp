// Assembly cell: five robot arms sit in a ring and share one torque
// wrench between each pair of neighbours. An arm needs both wrenches next
// to it to tighten a bolt.
#include <array>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

constexpr int kArms = 5;

std::array<std::mutex, kArms> wrenches;
std::array<int, kArms> boltsDone{};

void tightenBolt(int arm) {
    int left = arm;
    int right = (arm + 1) % kArms;
    std::lock_guard<std::mutex> l(wrenches[left]);    // expect-lock-order: Wrenches
    std::lock_guard<std::mutex> r(wrenches[right]);   // expect-lock-order: Wrenches
    ++boltsDone[arm];
    std::this_thread::sleep_for(std::chrono::microseconds(50));
}

void armLoop(int arm, int bolts) {
    for (int b = 0; b < bolts; ++b) {
        tightenBolt(arm);
        // Move to the next bolt position.
        std::this_thread::sleep_for(std::chrono::microseconds(20));
    }
}

int main() {
    std::vector<std::thread> arms;
    for (int i = 0; i < kArms; ++i)
        arms.emplace_back(armLoop, i, 400);
    for (auto& t : arms)
        t.join();

    int total = 0;
    for (int i = 0; i < kArms; ++i) {
        std::cout << "arm " << i << ": " << boltsDone[i] << " bolts\n";
        total += boltsDone[i];
    }
    std::cout << "total " << total << "\n";
    return total == kArms * 400 ? 0 : 1;
}
