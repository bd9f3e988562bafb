// Traffic simulation: each intersection is simulated by its own thread, and
// all threads must finish tick N before anyone starts tick N+1. Uses a
// reusable barrier built on a generation counter.
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

class TickBarrier {
public:
    explicit TickBarrier(int parties) : parties_(parties), waiting_(parties) {}

    void arriveAndWait() {
        std::unique_lock<std::mutex> lk(m_);
        unsigned long myGeneration = generation_;
        if (--waiting_ == 0) {
            ++generation_;
            waiting_ = parties_;
            cv_.notify_all();
            return;
        }
        while (myGeneration == generation_)
            cv_.wait(lk);
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    const int parties_;
    int waiting_;
    unsigned long generation_ = 0;
};

int main() {
    const int intersections = 4, ticks = 200;
    TickBarrier barrier(intersections);
    std::vector<int> carsThrough(intersections, 0);
    std::vector<int> tickSeen(intersections, 0);
    std::mutex tickMutex;

    std::vector<std::thread> sims;
    for (int i = 0; i < intersections; ++i) {
        sims.emplace_back([&, i] {
            for (int t = 0; t < ticks; ++t) {
                carsThrough[i] += (t + i) % 3;
                {
                    std::lock_guard<std::mutex> lk(tickMutex);
                    tickSeen[i] = t;
                }
                barrier.arriveAndWait();
            }
        });
    }
    for (auto& s : sims)
        s.join();

    int total = 0;
    for (int i = 0; i < intersections; ++i)
        total += carsThrough[i];
    std::cout << "cars through all intersections: " << total << "\n";
    return tickSeen[0] == ticks - 1 ? 0 : 1;
}
