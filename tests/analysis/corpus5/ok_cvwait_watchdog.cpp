// Service watchdog: worker threads send heartbeats; the watchdog wakes up
// on every heartbeat or after a timeout and counts missed deadlines.
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

struct Watchdog {
    std::mutex m;
    std::condition_variable cv;
    int beats = 0;
    bool stopping = false;
    int timeouts = 0;

    void heartbeat() {
        {
            std::lock_guard<std::mutex> lk(m);
            ++beats;
        }
        cv.notify_one();
    }

    void stop() {
        {
            std::lock_guard<std::mutex> lk(m);
            stopping = true;
        }
        cv.notify_all();
    }

    void monitor() {
        std::unique_lock<std::mutex> lk(m);
        while (!stopping) {
            int seen = beats;
            bool progressed = cv.wait_for(lk, 50ms, [&] { return stopping || beats != seen; });
            if (!progressed)
                ++timeouts;
        }
    }
};

int main() {
    Watchdog dog;
    std::thread watcher(&Watchdog::monitor, &dog);
    std::vector<std::thread> workers;
    for (int w = 0; w < 3; ++w) {
        workers.emplace_back([&dog, w] {
            for (int i = 0; i < 20; ++i) {
                dog.heartbeat();
                std::this_thread::sleep_for(std::chrono::milliseconds(2 + w));
            }
        });
    }
    for (auto& t : workers)
        t.join();
    dog.stop();
    watcher.join();
    std::cout << "beats " << dog.beats << ", timeouts " << dog.timeouts << "\n";
    return dog.beats == 60 ? 0 : 1;
}
