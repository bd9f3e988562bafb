// Edge gateway with two routing tables (IPv4 and IPv6). Normal lookups
// touch one table; reconfiguration and reporting touch both, and always do
// so under the single reconfiguration lock.
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>

class Gateway {
public:
    void addRoute4(const std::string& prefix, int port) {
        std::lock_guard<std::mutex> lk(v4Mutex_);
        v4_[prefix] = port;
    }
    void addRoute6(const std::string& prefix, int port) {
        std::lock_guard<std::mutex> lk(v6Mutex_);
        v6_[prefix] = port;
    }

    // Moves every route from port `from` to port `to` in both tables.
    void migratePort(int from, int to) {
        std::lock_guard<std::mutex> outer(reconfigMutex_);
        std::lock_guard<std::mutex> a(v4Mutex_);
        std::lock_guard<std::mutex> b(v6Mutex_);
        for (auto& [p, port] : v4_) if (port == from) port = to;
        for (auto& [p, port] : v6_) if (port == from) port = to;
    }

    // Counts routes per port, walking the IPv6 table first.
    int routesOnPort(int port) {
        std::lock_guard<std::mutex> outer(reconfigMutex_);
        std::lock_guard<std::mutex> b(v6Mutex_);
        std::lock_guard<std::mutex> a(v4Mutex_);
        int n = 0;
        for (auto& [p, pt] : v6_) n += pt == port;
        for (auto& [p, pt] : v4_) n += pt == port;
        return n;
    }

private:
    std::mutex reconfigMutex_;
    std::mutex v4Mutex_;
    std::mutex v6Mutex_;
    std::map<std::string, int> v4_;
    std::map<std::string, int> v6_;
};

int main() {
    Gateway gw;
    std::thread learner([&] {
        for (int i = 0; i < 500; ++i) {
            gw.addRoute4("10.0." + std::to_string(i) + ".0/24", i % 4);
            gw.addRoute6("fd00:" + std::to_string(i) + "::/64", i % 4);
        }
    });
    std::thread operatorConsole([&] {
        for (int i = 0; i < 300; ++i)
            gw.migratePort(i % 4, (i + 1) % 4);
    });
    std::thread monitor([&] {
        int seen = 0;
        for (int i = 0; i < 300; ++i)
            seen += gw.routesOnPort(i % 4);
        std::cout << "monitor sampled " << seen << " routes\n";
    });
    learner.join();
    operatorConsole.join();
    monitor.join();
    int total = 0;
    for (int p = 0; p < 4; ++p)
        total += gw.routesOnPort(p);
    std::cout << "total routes: " << total << "\n";
    return total == 1000 ? 0 : 1;
}
