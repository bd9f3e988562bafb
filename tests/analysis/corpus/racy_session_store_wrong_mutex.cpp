// A session store for a small web server. Two mutexes exist: one for the
// session table and one for the access log. The logout path was written
// later and grabs the log mutex before erasing from the table.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class SessionStore {
public:
  void login(const std::string &User, int Token) {
    std::lock_guard<std::mutex> Lock(TableMutex);
    Sessions[Token] = User; // expect-race: Sessions
  }

  void logout(int Token) {
    std::lock_guard<std::mutex> Lock(LogMutex); // wrong mutex
    Sessions.erase(Token); // expect-race: Sessions erased under LogMutex
    AccessLog.push_back("logout " + std::to_string(Token));
  }

  bool isValid(int Token) {
    std::lock_guard<std::mutex> Lock(TableMutex);
    return Sessions.count(Token) != 0; // expect-race: Sessions
  }

  size_t logSize() {
    std::lock_guard<std::mutex> Lock(LogMutex);
    return AccessLog.size();
  }

private:
  std::mutex TableMutex;
  std::mutex LogMutex;
  std::map<int, std::string> Sessions;
  std::vector<std::string> AccessLog;
};

void handleRequests(SessionStore &Store, int First, int Count) {
  for (int Token = First; Token < First + Count; ++Token) {
    Store.login("user" + std::to_string(Token), Token);
    if (!Store.isValid(Token))
      std::printf("token %d vanished\n", Token);
    Store.logout(Token);
  }
}

int main() {
  SessionStore Store;
  std::thread Front(handleRequests, std::ref(Store), 0, 500);
  std::thread Back(handleRequests, std::ref(Store), 500, 500);
  Front.join();
  Back.join();
  std::printf("%zu log entries\n", Store.logSize());
}
