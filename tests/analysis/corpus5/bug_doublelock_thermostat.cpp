// Smart thermostat: a sensor thread feeds temperature readings, the app
// changes the target, and a display listener is notified of every change.
#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

class Thermostat {
public:
    using Listener = std::function<void(double target)>;

    void onTargetChanged(Listener l) {
        std::lock_guard<std::mutex> lk(m_);
        listener_ = std::move(l);
    }

    void setTarget(double t) {
        std::lock_guard<std::mutex> lk(m_);
        target_ = t;
        heating_ = current_ < target_;
        if (listener_)
            listener_(target_);
    }

    void pushReading(double celsius) {
        std::lock_guard<std::mutex> lk(m_);
        current_ = celsius;
        heating_ = current_ < target_;
    }

    double currentReading() const {
        std::lock_guard<std::mutex> lk(m_);   // expect-double-lock: M_
        return current_;
    }

    bool heating() const {
        std::lock_guard<std::mutex> lk(m_);
        return heating_;
    }

private:
    mutable std::mutex m_;
    double current_ = 18.0;
    double target_ = 20.0;
    bool heating_ = true;
    Listener listener_;
};

int main() {
    Thermostat thermo;
    std::atomic<bool> running{true};

    thermo.onTargetChanged([&thermo](double target) {
        std::cout << "display: target " << target << " C, now "
                  << thermo.currentReading() << " C\n";
    });

    std::thread sensor([&] {
        double t = 18.0;
        while (running) {
            thermo.pushReading(t);
            t += 0.05;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });

    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    thermo.setTarget(21.5);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    running = false;
    sensor.join();
    std::cout << "heating: " << std::boolalpha << thermo.heating() << "\n";
    return 0;
}
