// Chat room server: when a user joins, a welcome banner is repeated a few
// times to the room in the background so the join handler returns quickly.
#include <chrono>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class ChatRoom {
public:
    void deliver(const std::string& line) {
        std::lock_guard<std::mutex> lk(m_);
        history_.push_back(line);
    }

    std::size_t historySize() {
        std::lock_guard<std::mutex> lk(m_);
        return history_.size();
    }

    void dump() {
        std::lock_guard<std::mutex> lk(m_);
        for (const auto& l : history_)
            std::cout << "  " << l << "\n";
    }

private:
    std::mutex m_;
    std::vector<std::string> history_;
};

void announceJoin(ChatRoom& room, const std::string& nick) {
    std::string banner = "*** " + nick + " has joined #general ***";
    int repeats = 3;
    std::thread([&] {                                        // expect-dangling-capture: Banner
        for (int i = 0; i < repeats; ++i) {
            room.deliver(banner);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }).detach();
}

void handleLogin(ChatRoom& room, const std::string& nick) {
    announceJoin(room, nick);
    room.deliver("<server> motd: be nice");
}

int main() {
    ChatRoom room;
    handleLogin(room, "marta");
    handleLogin(room, "kofi");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::cout << room.historySize() << " lines in history\n";
    room.dump();
    return 0;
}
