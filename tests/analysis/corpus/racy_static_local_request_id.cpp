// Request ids come from a function-local static. Its initialisation is
// thread-safe (magic statics), but the increments after that are not.
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct Request {
  unsigned long Id;
  std::string Path;
};

unsigned long nextRequestId() {
  static unsigned long Counter = 1000;
  return Counter++; // expect-race: Counter
}

Request parseRequest(const std::string &Line) {
  Request R;
  R.Id = nextRequestId();
  R.Path = Line.substr(Line.find(' ') + 1);
  return R;
}

void serveConnection(int Conn, int Requests) {
  unsigned long LastId = 0;
  for (int I = 0; I < Requests; ++I) {
    Request R = parseRequest("GET /item/" + std::to_string(Conn * 100 + I));
    LastId = R.Id;
  }
  std::printf("connection %d: last id %lu\n", Conn, LastId);
}

int main() {
  std::vector<std::thread> Connections;
  for (int C = 0; C < 8; ++C)
    Connections.emplace_back(serveConnection, C, 250);
  for (auto &T : Connections)
    T.join();
  std::printf("next id would be %lu\n", nextRequestId());
}
