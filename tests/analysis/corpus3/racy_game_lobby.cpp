// Matchmaking lobbies of a game server. Each lobby guards its player list
// with its own mutex; the server-wide online counter is a static member
// updated inside those per-lobby critical sections.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Lobby {
public:
  explicit Lobby(std::string Name) : Name(std::move(Name)) {}

  bool join(const std::string &Player) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Players.size() >= Capacity)
      return false;
    Players.push_back(Player);
    ++OnlineTotal; // expect-race: OnlineTotal shared by all lobbies, guarded per lobby
    return true;
  }

  void leave() {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Players.empty())
      return;
    Players.pop_back();
    --OnlineTotal; // expect-race: OnlineTotal
  }

  size_t size() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Players.size();
  }

  const std::string &name() const { return Name; }
  static int online() { return OnlineTotal; }

private:
  static constexpr size_t Capacity = 16;
  static inline int OnlineTotal = 0;
  std::string Name;
  std::mutex Mutex;
  std::vector<std::string> Players;
};

struct LobbyBot {
  Lobby *Target;
  int Seed;

  void operator()() const {
    unsigned State = static_cast<unsigned>(Seed);
    for (int Tick = 0; Tick < 5000; ++Tick) {
      State = State * 1103515245u + 12345u;
      if ((State >> 16) % 3 != 0)
        Target->join("bot" + std::to_string(Seed) + "-" + std::to_string(Tick));
      else
        Target->leave();
    }
  }
};

int main() {
  Lobby Ranked("ranked"), Casual("casual");
  std::thread A{LobbyBot{&Ranked, 1}};
  std::thread B{LobbyBot{&Casual, 2}};
  std::thread C{LobbyBot{&Casual, 3}};
  A.join();
  B.join();
  C.join();
  std::printf("%s: %zu, %s: %zu, online %d\n", Ranked.name().c_str(), Ranked.size(),
              Casual.name().c_str(), Casual.size(), Lobby::online());
}
