// Restaurant ordering tablet: waiters add dishes to the menu of the day and
// place orders; the menu object may call its own public methods.
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Menu {
public:
    bool hasDish(const std::string& name) const {
        std::lock_guard<std::recursive_mutex> lk(m_);
        return prices_.count(name) != 0;
    }

    void addDish(const std::string& name, double price) {
        std::lock_guard<std::recursive_mutex> lk(m_);
        if (hasDish(name))
            return;
        prices_[name] = price;
    }

    double orderTotal(const std::vector<std::string>& dishes) const {
        std::lock_guard<std::recursive_mutex> lk(m_);
        double total = 0;
        for (const auto& d : dishes)
            if (hasDish(d))
                total += prices_.at(d);
        return total;
    }

    std::size_t size() const {
        std::lock_guard<std::recursive_mutex> lk(m_);
        return prices_.size();
    }

private:
    mutable std::recursive_mutex m_;
    std::map<std::string, double> prices_;
};

int main() {
    Menu menu;
    std::thread kitchen([&] {
        const char* dishes[] = {"risotto", "gazpacho", "tagine", "pho", "pierogi"};
        for (int round = 0; round < 100; ++round)
            for (const char* d : dishes)
                menu.addDish(d, 9.5 + round % 3);
    });
    std::thread waiter([&] {
        double sales = 0;
        for (int i = 0; i < 200; ++i)
            sales += menu.orderTotal({"pho", "tagine", "lemonade"});
        std::cout << "sales: " << sales << "\n";
    });
    kitchen.join();
    waiter.join();
    std::cout << menu.size() << " dishes on the menu\n";
    return 0;
}
