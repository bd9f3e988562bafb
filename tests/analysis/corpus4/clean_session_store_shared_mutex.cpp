// Web session store with a shared_mutex: lookups take the shared lock,
// refreshing the last-seen time and expiring sessions take the exclusive lock.
// Correct: every write holds the unique lock; shared holders only read.
#include <cstdio>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

struct Session {
  std::string User;
  long LastSeen = 0;
};

class SessionStore {
public:
  void open(const std::string &Id, const std::string &User, long Now) {
    std::unique_lock Lock(M);
    Sessions[Id] = Session{User, Now};
  }

  std::optional<std::string> userOf(const std::string &Id) const {
    std::shared_lock Lock(M);
    auto It = Sessions.find(Id);
    if (It == Sessions.end())
      return std::nullopt;
    return It->second.User;
  }

  bool touch(const std::string &Id, long Now) {
    std::unique_lock Lock(M);
    auto It = Sessions.find(Id);
    if (It == Sessions.end())
      return false;
    It->second.LastSeen = Now;
    return true;
  }

  size_t expire(long Now, long Ttl) {
    std::unique_lock Lock(M);
    return std::erase_if(Sessions, [&](const auto &KV) {
      return Now - KV.second.LastSeen > Ttl;
    });
  }

private:
  mutable std::shared_mutex M;
  std::unordered_map<std::string, Session> Sessions;
};

int main() {
  SessionStore Store;
  for (int I = 0; I < 6; ++I)
    Store.open("sid" + std::to_string(I), "user" + std::to_string(I), 0);

  std::vector<std::thread> Threads;
  for (int T = 0; T < 3; ++T)
    Threads.emplace_back([&Store, T] {
      int Hits = 0;
      for (long Now = 1; Now <= 150; ++Now) {
        std::string Id = "sid" + std::to_string((Now * (T + 1)) % 6);
        if (Store.userOf(Id))
          ++Hits;
        if (Now % 3 == T)
          Store.touch(Id, Now);
      }
      std::printf("reader %d: %d hits\n", T, Hits);
    });
  Threads.emplace_back([&Store] {
    size_t Gone = 0;
    for (long Now = 40; Now <= 200; Now += 40)
      Gone += Store.expire(Now, 60);
    std::printf("expired %zu\n", Gone);
  });
  for (auto &T : Threads)
    T.join();
  return 0;
}
