// Concert box office: kiosks print tickets, a single scanner thread at the
// entrance validates them in the order they were printed.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

struct Ticket {
    int serial;
    int kiosk;
};

class BoxOffice {
public:
    void print(int kiosk) {
        std::lock_guard<std::mutex> lk(m_);
        printed_.push_back({nextSerial_++, kiosk});
        cv_.notify_one();
    }

    // Validates exactly `expected` tickets, one per notification.
    int scanAll(int expected) {
        int valid = 0;
        std::set<int> seen;
        for (int scanned = 0; scanned < expected; ++scanned) {
            std::unique_lock<std::mutex> lk(m_);
            cv_.wait(lk);                          // expect-cv-wait: Cv_
            Ticket t = printed_.front();
            printed_.pop_front();
            lk.unlock();
            if (seen.insert(t.serial).second)
                ++valid;
        }
        return valid;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    std::deque<Ticket> printed_;
    int nextSerial_ = 5000;
};

int main() {
    BoxOffice office;
    const int kiosks = 3, perKiosk = 10;
    int valid = 0;

    std::thread scanner([&] { valid = office.scanAll(kiosks * perKiosk); });

    std::vector<std::thread> kioskThreads;
    for (int k = 0; k < kiosks; ++k) {
        kioskThreads.emplace_back([&office, k] {
            for (int i = 0; i < perKiosk; ++i) {
                office.print(k);
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    }
    for (auto& t : kioskThreads)
        t.join();
    scanner.join();
    std::cout << "valid tickets scanned: " << valid << "\n";
    return 0;
}
