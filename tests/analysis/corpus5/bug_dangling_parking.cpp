// Multi-storey car park: each level is swept by a background worker that
// checks occupancy sensors and reports free spots. Workers are owned by
// the Garage and joined when the garage shuts down.
#include <chrono>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Garage {
public:
    ~Garage() { shutdown(); }

    void shutdown() {
        for (auto& t : sweepers_)
            if (t.joinable())
                t.join();
        sweepers_.clear();
    }

    void report(int level, int freeSpots) {
        std::lock_guard<std::mutex> lk(m_);
        std::cout << "level " << level << ": " << freeSpots << " free\n";
        totalFree_ += freeSpots;
    }

    int totalFree() {
        std::lock_guard<std::mutex> lk(m_);
        return totalFree_;
    }

    void scheduleSweep(int level);

private:
    std::mutex m_;
    int totalFree_ = 0;
    std::vector<std::thread> sweepers_;
};

std::vector<bool> readSensors(int level) {
    std::vector<bool> occupied(120);
    for (std::size_t i = 0; i < occupied.size(); ++i)
        occupied[i] = (i * 7 + level) % 3 != 0;
    return occupied;
}

void Garage::scheduleSweep(int level) {
    std::vector<bool> occupied = readSensors(level);
    sweepers_.emplace_back([this, &occupied, level] {     // expect-dangling-capture: Occupied
        // Give the sensors time to settle before counting.
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        int freeSpots = 0;
        for (bool o : occupied)
            if (!o)
                ++freeSpots;
        report(level, freeSpots);
    });
}

int main() {
    Garage garage;
    for (int level = 0; level < 4; ++level)
        garage.scheduleSweep(level);
    garage.shutdown();
    std::cout << "total free: " << garage.totalFree() << "\n";
    return 0;
}
