// Cluster heartbeat monitor: one jthread per node polls the node until it
// is asked to stop through its stop_token, and records missed beats in a
// table shared under a mutex.
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

class HeartbeatMonitor {
public:
  void nodeLoop(std::stop_token Stop, std::string Node, int FailEvery) {
    int Beat = 0;
    int LocalMisses = 0;
    while (!Stop.stop_requested()) {
      ++Beat;
      bool Alive = FailEvery == 0 || Beat % FailEvery != 0;
      if (!Alive)
        ++LocalMisses;
      if (Beat % 10 == 0)
        publish(Node, LocalMisses);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    publish(Node, LocalMisses);
  }

  void print() {
    std::lock_guard<std::mutex> L(M);
    for (const auto &[Node, Misses] : MissedBeats)
      std::printf("%-8s missed %d\n", Node.c_str(), Misses);
  }

private:
  void publish(const std::string &Node, int Misses) {
    std::lock_guard<std::mutex> L(M);
    MissedBeats[Node] = Misses;
  }

  std::mutex M;
  std::map<std::string, int> MissedBeats;
};

int main() {
  HeartbeatMonitor Monitor;
  {
    std::vector<std::jthread> Pollers;
    const char *Nodes[] = {"db-1", "db-2", "cache-1", "web-1"};
    for (int I = 0; I < 4; ++I)
      Pollers.emplace_back([&Monitor, Node = std::string(Nodes[I]), I](std::stop_token St) {
        Monitor.nodeLoop(St, Node, I * 3);
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    Monitor.print();
    for (auto &P : Pollers)
      P.request_stop();
  }
  Monitor.print();
  return 0;
}
