// A background thread reads and parses a configuration file and hands the
// parsed map to the main thread through a std::promise. The worker keeps
// using its own copy afterwards; main only touches the value it got.
#include <cstdio>
#include <future>
#include <map>
#include <sstream>
#include <string>
#include <thread>

using ConfigMap = std::map<std::string, std::string>;

ConfigMap parse(const std::string &Text) {
  ConfigMap M;
  std::istringstream In(Text);
  std::string Line;
  while (std::getline(In, Line)) {
    auto Eq = Line.find('=');
    if (Eq != std::string::npos)
      M[Line.substr(0, Eq)] = Line.substr(Eq + 1);
  }
  return M;
}

void loader(std::promise<ConfigMap> Result, std::string Text) {
  ConfigMap Parsed = parse(Text);
  Parsed["loaded.by"] = "loader";
  Result.set_value(Parsed);
  Parsed.clear(); // our own copy
}

int main() {
  std::promise<ConfigMap> P;
  std::future<ConfigMap> F = P.get_future();
  std::thread T(loader, std::move(P),
                std::string("port=8080\nhost=localhost\nworkers=4\n"));
  ConfigMap Config = F.get();
  Config["port"] = "9090";
  for (const auto &[K, V] : Config)
    std::printf("%s = %s\n", K.c_str(), V.c_str());
  T.join();
}
