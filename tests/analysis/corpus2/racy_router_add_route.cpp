// HTTP router: the routing table is loaded once (std::call_once) and then
// used by the request threads; an admin thread adds routes at run time.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

class Router {
public:
  int route(const std::string &Path) {
    ensureLoaded();
    auto It = Routes.find(prefixOf(Path)); // expect-race: Routes
    return It != Routes.end() ? It->second : 404; // expect-race: Routes
  }

  void addRoute(const std::string &Prefix, int Backend) {
    ensureLoaded();
    Routes[Prefix] = Backend; // expect-race: Routes
  }

private:
  void ensureLoaded() {
    std::call_once(Loaded, [this] { loadDefaults(); });
  }

  void loadDefaults() {
    Routes["/"] = 1;
    Routes["/api"] = 2;
    Routes["/static"] = 3;
  }

  static std::string prefixOf(const std::string &Path) {
    size_t Slash = Path.find('/', 1);
    return Slash == std::string::npos ? Path : Path.substr(0, Slash);
  }

  std::once_flag Loaded;
  std::unordered_map<std::string, int> Routes;
};

static void serve(Router &R, int ThreadId, std::vector<int> &Hits) {
  const char *Paths[] = {"/api/users", "/static/app.css", "/v2/items", "/admin/x", "/"};
  for (int I = 0; I < 2000; ++I) {
    int Backend = R.route(Paths[(I + ThreadId) % 5]);
    if (Backend != 404)
      ++Hits[size_t(ThreadId)];
  }
}

int main() {
  Router R;
  std::vector<int> Hits(3, 0);
  std::vector<std::thread> Servers;
  for (int T = 0; T < 3; ++T)
    Servers.emplace_back(serve, std::ref(R), T, std::ref(Hits));

  std::thread Admin([&R] {
    for (int V = 2; V < 40; ++V)
      R.addRoute("/v" + std::to_string(V), 10 + V);
    R.addRoute("/admin", 99);
  });

  for (auto &S : Servers)
    S.join();
  Admin.join();
  std::printf("hits: %d %d %d\n", Hits[0], Hits[1], Hits[2]);
  return 0;
}
