// Matchmaking lobbies of a game server. Each lobby guards its player list
// with its own mutex; the server-wide online counter is a static member with
// a static mutex of its own. Skill ratings are loaded once with call_once by
// whichever bot needs them first, and the region list is a function-local
// static.
#include <cstdio>
#include <map>
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
    adjustOnline(+1);
    return true;
  }

  void leave() {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Players.empty())
      return;
    Players.pop_back();
    adjustOnline(-1);
  }

  size_t size() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Players.size();
  }

  static int online() {
    std::lock_guard<std::mutex> Lock(OnlineMutex);
    return OnlineTotal;
  }

private:
  static void adjustOnline(int Delta) {
    std::lock_guard<std::mutex> Lock(OnlineMutex);
    OnlineTotal += Delta;
  }

  static constexpr size_t Capacity = 16;
  static inline std::mutex OnlineMutex;
  static inline int OnlineTotal = 0;
  std::string Name;
  std::mutex Mutex;
  std::vector<std::string> Players;
};

class RatingTable {
public:
  int rating(const std::string &Region) {
    std::call_once(Loaded, [this] { load(); });
    return Ratings.at(Region);
  }

private:
  void load() { Ratings = {{"eu", 1500}, {"na", 1450}, {"asia", 1600}}; }

  std::once_flag Loaded;
  std::map<std::string, int> Ratings;
};

static const std::vector<std::string> &regions() {
  static const std::vector<std::string> All{"eu", "na", "asia"};
  return All;
}

struct LobbyBot {
  Lobby *Target;
  RatingTable *Ratings;
  int Seed;

  void operator()() const {
    unsigned State = static_cast<unsigned>(Seed);
    const std::string &Region = regions()[Seed % regions().size()];
    int Skill = Ratings->rating(Region);
    for (int Tick = 0; Tick < 5000; ++Tick) {
      State = State * 1103515245u + 12345u;
      if ((State >> 16) % 3 != 0)
        Target->join(Region + "-bot" + std::to_string(Skill + Tick % 100));
      else
        Target->leave();
    }
  }
};

int main() {
  Lobby Ranked("ranked"), Casual("casual");
  RatingTable Ratings;
  std::thread A{LobbyBot{&Ranked, &Ratings, 1}};
  std::thread B{LobbyBot{&Casual, &Ratings, 2}};
  std::thread C{LobbyBot{&Casual, &Ratings, 3}};
  A.join();
  B.join();
  C.join();
  std::printf("ranked %zu, casual %zu, online %d\n", Ranked.size(), Casual.size(), Lobby::online());
}
