// Airport gate: passengers queue at the gate and may only board once the
// gate agent opens boarding.
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Gate {
public:
    void waitForBoarding(const std::string& passenger) {
        std::unique_lock<std::mutex> lk(m_);
        if (!boardingOpen_)
            cv_.wait(lk);                      // expect-cv-wait: Cv_
        boarded_.push_back(passenger);
    }

    void openBoarding() {
        {
            std::lock_guard<std::mutex> lk(m_);
            boardingOpen_ = true;
        }
        cv_.notify_all();
    }

    std::size_t boardedCount() {
        std::lock_guard<std::mutex> lk(m_);
        return boarded_.size();
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool boardingOpen_ = false;
    std::vector<std::string> boarded_;
};

int main() {
    Gate gate;
    std::vector<std::thread> passengers;
    for (int i = 0; i < 12; ++i) {
        passengers.emplace_back([&gate, i] {
            gate.waitForBoarding("seat " + std::to_string(i + 1) + "A");
        });
    }

    // Cleaning crew finishes, then the agent opens the gate.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    gate.openBoarding();

    for (auto& p : passengers)
        p.join();
    std::cout << gate.boardedCount() << " passengers boarded\n";
    return 0;
}
