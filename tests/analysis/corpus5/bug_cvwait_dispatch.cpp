// Courier dispatch: the order desk posts delivery jobs, a courier thread
// picks them up one at a time.
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <queue>
#include <string>
#include <thread>

struct Delivery {
    int orderId;
    std::string address;
};

class DispatchBoard {
public:
    void post(Delivery d) {
        {
            std::lock_guard<std::mutex> lk(m_);
            jobs_.push(std::move(d));
        }
        cv_.notify_one();
    }

    Delivery take() {
        std::unique_lock<std::mutex> lk(m_);
        cv_.wait(lk);                          // expect-cv-wait: Cv_
        Delivery d = std::move(jobs_.front());
        jobs_.pop();
        return d;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    std::queue<Delivery> jobs_;
};

int main() {
    DispatchBoard board;
    const int orders = 25;

    std::thread courier([&] {
        int delivered = 0;
        while (delivered < orders) {
            Delivery d = board.take();
            if (d.orderId < 0)
                break;
            ++delivered;
        }
        std::cout << "courier delivered " << delivered << " orders\n";
    });

    std::thread desk([&] {
        for (int i = 0; i < orders; ++i)
            board.post({1000 + i, std::to_string(i) + " Harbour Street"});
    });

    desk.join();
    courier.join();
    return 0;
}
