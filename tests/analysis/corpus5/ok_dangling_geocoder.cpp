// Address geocoder: a batch of addresses is resolved by two worker threads
// that capture the batch and the results table by reference. The workers
// are jthreads declared after the data, so they are joined before the data
// goes out of scope.
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

std::pair<double, double> lookup(const std::string& address) {
    double h = 0;
    for (char c : address)
        h = h * 31 + static_cast<unsigned char>(c);
    return {static_cast<int>(h) % 180 - 90 + 0.5, static_cast<int>(h / 7) % 360 - 180 + 0.25};
}

std::map<std::string, std::pair<double, double>> geocodeBatch(const std::vector<std::string>& input) {
    std::vector<std::string> batch = input;
    std::map<std::string, std::pair<double, double>> results;
    std::mutex resultsMutex;
    {
        std::jthread evens([&] {
            for (std::size_t i = 0; i < batch.size(); i += 2) {
                auto pos = lookup(batch[i]);
                std::lock_guard<std::mutex> lk(resultsMutex);
                results[batch[i]] = pos;
            }
        });
        std::jthread odds([&] {
            for (std::size_t i = 1; i < batch.size(); i += 2) {
                auto pos = lookup(batch[i]);
                std::lock_guard<std::mutex> lk(resultsMutex);
                results[batch[i]] = pos;
            }
        });
    }
    return results;
}

int main() {
    std::vector<std::string> addresses{
        "1 Market St, San Francisco", "10 Downing St, London", "Rua Augusta 50, Lisboa",
        "Karl-Marx-Allee 1, Berlin", "2 Chome Marunouchi, Tokyo"};
    auto res = geocodeBatch(addresses);
    for (const auto& [addr, pos] : res)
        std::cout << addr << " -> " << pos.first << ", " << pos.second << "\n";
    return res.size() == addresses.size() ? 0 : 1;
}
