// Lazily loaded IP-to-country table shared by request handlers, created
// with double-checked locking on a plain pointer.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

class GeoDatabase {
public:
  static GeoDatabase *instance() {
    if (Instance == nullptr) { // expect-race: Instance
      std::lock_guard<std::mutex> L(InitMutex);
      if (Instance == nullptr)
        Instance = new GeoDatabase(); // expect-race: Instance
    }
    return Instance; // expect-race: Instance
  }

  std::string country(const std::string &Prefix) const {
    auto It = Table.find(Prefix); // expect-race: Table
    return It == Table.end() ? "??" : It->second; // expect-race: Table
  }

private:
  GeoDatabase() {
    static const std::pair<const char *, const char *> Seed[] = {
        {"10.", "LAN"}, {"81.", "FR"}, {"85.", "DE"}, {"93.", "ES"}, {"151.", "IT"}};
    for (const auto &E : Seed)
      Table.emplace(E.first, E.second); // expect-race: Table
  }

  static GeoDatabase *Instance;
  static std::mutex InitMutex;
  std::map<std::string, std::string> Table;
};

GeoDatabase *GeoDatabase::Instance = nullptr;
std::mutex GeoDatabase::InitMutex;

static std::string prefixOf(const std::string &Ip) {
  size_t Dot = Ip.find('.');
  return Dot == std::string::npos ? Ip : Ip.substr(0, Dot + 1);
}

static void handleConnections(const std::vector<std::string> &Ips, int &Foreign) {
  for (const std::string &Ip : Ips) {
    std::string C = GeoDatabase::instance()->country(prefixOf(Ip));
    if (C != "LAN")
      ++Foreign;
  }
}

int main() {
  std::vector<std::string> Batch1 = {"10.0.0.4", "81.2.3.4", "93.1.1.1"};
  std::vector<std::string> Batch2 = {"151.9.9.9", "10.1.1.1", "85.4.4.4"};
  int Foreign1 = 0, Foreign2 = 0;
  std::thread A(handleConnections, std::cref(Batch1), std::ref(Foreign1));
  std::thread B(handleConnections, std::cref(Batch2), std::ref(Foreign2));
  A.join();
  B.join();
  std::printf("foreign connections: %d\n", Foreign1 + Foreign2);
  return 0;
}
