// Stock ticker: the market-data thread publishes prices; subscribers are
// called back with each new price and may query the feed from inside the
// callback. Callbacks run after the feed's lock has been released.
#include <functional>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class PriceFeed {
public:
    using Callback = std::function<void(const std::string&, double)>;

    void subscribe(Callback cb) {
        std::lock_guard<std::mutex> lk(m_);
        subscribers_.push_back(std::move(cb));
    }

    void publish(const std::string& symbol, double price) {
        std::unique_lock<std::mutex> lk(m_);
        previous_ = last_;
        last_ = price;
        ++ticks_;
        std::vector<Callback> toNotify = subscribers_;
        lk.unlock();
        for (auto& cb : toNotify)
            cb(symbol, price);
    }

    double last() const {
        std::lock_guard<std::mutex> lk(m_);
        return last_;
    }

    double change() const {
        std::lock_guard<std::mutex> lk(m_);
        return last_ - previous_;
    }

private:
    mutable std::mutex m_;
    std::vector<Callback> subscribers_;
    double last_ = 0;
    double previous_ = 0;
    int ticks_ = 0;
};

int main() {
    PriceFeed feed;
    std::mutex alertMutex;
    int alerts = 0;

    feed.subscribe([&](const std::string& sym, double) {
        if (feed.change() > 0.4) {
            std::lock_guard<std::mutex> lk(alertMutex);
            ++alerts;
            if (alerts <= 3)
                std::cout << "alert: " << sym << " jumped to " << feed.last() << "\n";
        }
    });

    std::thread marketData([&] {
        double p = 100.0;
        for (int i = 0; i < 500; ++i) {
            p += (i % 5 == 0) ? 0.5 : -0.1;
            feed.publish("ACME", p);
        }
    });
    marketData.join();
    std::cout << "final " << feed.last() << ", alerts " << alerts << "\n";
    return 0;
}
