// Chat room: clients join, post and leave; a presence thread shows how many
// users are online every millisecond.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

class ChatRoom {
public:
  explicit ChatRoom(std::string Name) : Name(std::move(Name)) {}

  void join(const std::string &User) {
    std::lock_guard<std::mutex> L(M);
    Members.insert(User); // expect-race: Members
    History.push_back("* " + User + " joined " + Name);
  }

  void post(const std::string &User, const std::string &Text) {
    std::lock_guard<std::mutex> L(M);
    History.push_back(User + ": " + Text);
  }

  void leave(const std::string &User) {
    std::lock_guard<std::mutex> L(M);
    Members.erase(User); // expect-race: Members
    History.push_back("* " + User + " left");
  }

  size_t onlineCount() const { return Members.size(); } // expect-race: Members

  size_t historyLength() const {
    std::lock_guard<std::mutex> L(M);
    return History.size();
  }

private:
  std::string Name;
  mutable std::mutex M;
  std::set<std::string> Members;
  std::vector<std::string> History;
};

static void runClient(ChatRoom &Room, int ClientId) {
  std::string User = "user" + std::to_string(ClientId);
  Room.join(User);
  for (int I = 0; I < 20; ++I)
    Room.post(User, "message " + std::to_string(I));
  Room.leave(User);
}

int main() {
  ChatRoom Room("#general");
  std::atomic<bool> Done{false};

  std::thread Presence([&Room, &Done] {
    while (!Done.load()) {
      std::printf("online: %zu\n", Room.onlineCount());
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });

  std::vector<std::thread> Clients;
  for (int C = 0; C < 8; ++C)
    Clients.emplace_back(runClient, std::ref(Room), C);
  for (auto &T : Clients)
    T.join();

  Done = true;
  Presence.join();
  std::printf("history: %zu lines\n", Room.historyLength());
  return 0;
}
