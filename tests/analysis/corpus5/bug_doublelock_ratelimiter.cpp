// API gateway rate limiter: a token bucket per client. A background thread
// tops buckets up periodically; request handlers take tokens.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

class TokenBucket {
public:
    TokenBucket(int capacity, int perSecond)
        : capacity_(capacity), perSecond_(perSecond), tokens_(capacity),
          lastRefill_(std::chrono::steady_clock::now()) {}

    // Adds tokens for the time elapsed since the last refill.
    void refill() {
        std::lock_guard<std::mutex> lk(m_);     // expect-double-lock: M_
        auto now = std::chrono::steady_clock::now();
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - lastRefill_).count();
        int add = static_cast<int>(ms * perSecond_ / 1000);
        if (add > 0) {
            tokens_ = std::min(capacity_, tokens_ + add);
            lastRefill_ = now;
        }
    }

    bool tryAcquire() {
        std::lock_guard<std::mutex> lk(m_);
        if (tokens_ == 0) {
            // Bucket looks empty: maybe the refiller is just late.
            refill();
            if (tokens_ == 0)
                return false;
        }
        --tokens_;
        return true;
    }

private:
    std::mutex m_;
    const int capacity_;
    const int perSecond_;
    int tokens_;
    std::chrono::steady_clock::time_point lastRefill_;
};

int main() {
    TokenBucket bucket(50, 1000);
    std::atomic<bool> running{true};
    std::atomic<int> accepted{0}, throttled{0};

    std::thread refiller([&] {
        while (running) {
            bucket.refill();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });

    std::vector<std::thread> handlers;
    for (int h = 0; h < 3; ++h) {
        handlers.emplace_back([&] {
            for (int r = 0; r < 200; ++r) {
                if (bucket.tryAcquire())
                    ++accepted;
                else
                    ++throttled;
            }
        });
    }
    for (auto& t : handlers)
        t.join();
    running = false;
    refiller.join();
    std::cout << "accepted " << accepted << ", throttled " << throttled << "\n";
    return 0;
}
