// Print shop queue: the front desk submits print orders, two presses take
// them; when the shop closes the presses finish the queue and stop.
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <queue>
#include <string>
#include <thread>
#include <vector>

struct PrintOrder {
    std::string customer;
    int copies;
};

class PrintQueue {
public:
    void submit(PrintOrder o) {
        {
            std::lock_guard<std::mutex> lk(m_);
            orders_.push(std::move(o));
        }
        cv_.notify_one();
    }

    void close() {
        {
            std::lock_guard<std::mutex> lk(m_);
            closed_ = true;
        }
        cv_.notify_all();
    }

    std::optional<PrintOrder> next() {
        std::unique_lock<std::mutex> lk(m_);
        cv_.wait(lk, [this] { return closed_ || !orders_.empty(); });
        if (orders_.empty())
            return std::nullopt;
        PrintOrder o = std::move(orders_.front());
        orders_.pop();
        return o;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    std::queue<PrintOrder> orders_;
    bool closed_ = false;
};

int main() {
    PrintQueue queue;
    std::vector<int> copiesPrinted(2, 0);
    std::vector<std::thread> presses;
    for (int p = 0; p < 2; ++p) {
        presses.emplace_back([&queue, &copiesPrinted, p] {
            while (auto order = queue.next())
                copiesPrinted[p] += order->copies;
        });
    }
    for (int i = 0; i < 100; ++i)
        queue.submit({"customer" + std::to_string(i), 1 + i % 4});
    queue.close();
    for (auto& t : presses)
        t.join();
    int total = copiesPrinted[0] + copiesPrinted[1];
    std::cout << "printed " << total << " copies\n";
    return total == 250 ? 0 : 1;
}
