// Social news feed: when a user posts, fan-out to followers happens on a
// detached background thread. Everything the thread needs is copied or
// moved into it.
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::mutex inboxMutex;
std::vector<std::string> inboxes;
std::atomic<int> pendingFanouts{0};

void publishPost(const std::string& author, std::string text, const std::vector<std::string>& followers) {
    std::vector<std::string> targets = followers;
    std::string header = author + " posted: ";
    ++pendingFanouts;
    std::thread([targets = std::move(targets), header, body = std::move(text)] {
        for (const auto& f : targets) {
            std::lock_guard<std::mutex> lk(inboxMutex);
            inboxes.push_back(f + " <- " + header + body);
        }
        --pendingFanouts;
    }).detach();
}

void postFromApp(const std::string& author) {
    std::vector<std::string> followers{"amir", "bea", "chen", "dora"};
    std::string draft = "new blog post about sourdough starters is up";
    publishPost(author, draft, followers);
    draft = "(draft cleared)";
    followers.clear();
}

int main() {
    postFromApp("lena");
    postFromApp("omar");
    while (pendingFanouts.load() != 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));

    std::lock_guard<std::mutex> lk(inboxMutex);
    std::cout << inboxes.size() << " inbox entries\n";
    for (const auto& e : inboxes)
        if (e.find("draft cleared") != std::string::npos)
            return 1;
    return inboxes.size() == 8 ? 0 : 1;
}
