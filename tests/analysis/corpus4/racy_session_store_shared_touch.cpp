// Web session store guarded by a shared_mutex. Request threads look a session
// up and refresh its last-seen time; a janitor expires old sessions.
// Races: touch() writes Session::LastSeen while holding only the shared
// (reader) lock, so two request threads write it at the same time.
#include <cstdio>
#include <mutex>
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

  bool touch(const std::string &Id, long Now) {
    std::shared_lock Lock(M); // lookups are reads, so a shared lock...
    auto It = Sessions.find(Id);
    if (It == Sessions.end())
      return false;
    It->second.LastSeen = Now; // expect-race: LastSeen
    return true;
  }

  int expire(long Now, long Ttl) {
    std::unique_lock Lock(M);
    int Removed = 0;
    for (auto It = Sessions.begin(); It != Sessions.end();) {
      if (Now - It->second.LastSeen > Ttl) {
        It = Sessions.erase(It);
        ++Removed;
      } else {
        ++It;
      }
    }
    return Removed;
  }

private:
  std::shared_mutex M;
  std::unordered_map<std::string, Session> Sessions;
};

int main() {
  SessionStore Store;
  for (int I = 0; I < 8; ++I)
    Store.open("s" + std::to_string(I), "user" + std::to_string(I), 0);

  std::vector<std::thread> Requests;
  for (int T = 0; T < 3; ++T)
    Requests.emplace_back([&Store, T] {
      for (long Now = 1; Now <= 200; ++Now)
        Store.touch("s" + std::to_string((Now + T) % 4), Now);
    });
  std::thread Janitor([&Store] {
    int Total = 0;
    for (long Now = 50; Now <= 250; Now += 50)
      Total += Store.expire(Now, 100);
    std::printf("expired %d\n", Total);
  });
  for (auto &T : Requests)
    T.join();
  Janitor.join();
  return 0;
}
