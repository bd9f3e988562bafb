// Game server matchmaker: players join regional lobbies while a stats
// publisher periodically snapshots queue sizes for the dashboard.
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Matchmaker {
public:
    void addPlayer(const std::string& name, const std::string& region) {
        std::lock_guard<std::mutex> lk(lobbyMutex_);   // expect-lock-order: LobbyMutex
        lobby_[region].push_back(name);
        bumpJoinCounter(region);
    }

    std::string publishStats() {
        std::lock_guard<std::mutex> lk(statsMutex_);   // expect-lock-order: StatsMutex
        std::string line;
        for (const auto& [region, joins] : joinsPerRegion_) {
            line += region + ": " + std::to_string(joins) + " joins, ";
        }
        line += std::to_string(waitingPlayers()) + " waiting";
        ++publishCount_;
        return line;
    }

    std::size_t waitingPlayers() {
        std::lock_guard<std::mutex> lk(lobbyMutex_);   // expect-lock-order: LobbyMutex
        std::size_t n = 0;
        for (const auto& entry : lobby_)
            n += entry.second.size();
        return n;
    }

private:
    void bumpJoinCounter(const std::string& region) {
        std::lock_guard<std::mutex> lk(statsMutex_);   // expect-lock-order: StatsMutex
        ++joinsPerRegion_[region];
    }

    std::mutex lobbyMutex_;
    std::mutex statsMutex_;
    std::map<std::string, std::vector<std::string>> lobby_;
    std::map<std::string, int> joinsPerRegion_;
    int publishCount_ = 0;
};

int main() {
    Matchmaker mm;
    const char* regions[] = {"eu-west", "us-east", "ap-south"};

    std::thread joiner([&] {
        for (int i = 0; i < 6000; ++i)
            mm.addPlayer("player" + std::to_string(i), regions[i % 3]);
    });
    std::thread dashboard([&] {
        std::string last;
        for (int i = 0; i < 3000; ++i)
            last = mm.publishStats();
        std::cout << "last stats: " << last << "\n";
    });

    joiner.join();
    dashboard.join();
    std::cout << "total waiting: " << mm.waitingPlayers() << "\n";
    return 0;
}
