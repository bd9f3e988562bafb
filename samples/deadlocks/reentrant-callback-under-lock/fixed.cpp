// The fix: never call unknown code while holding a lock. publish() copies
// the handlers under the mutex, unlocks, and only then calls them. A handler
// can now call back into the hub (subscribe, unsubscribe, even publish)
// because nothing is held while it runs. The copy also means that changes a
// handler makes to the table do not disturb the loop that is calling the
// handlers: it walks its own snapshot.
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

class EventHub {
public:
  using Handler = std::function<void(const std::string &Event)>;

  int subscribe(Handler H) {
    std::lock_guard<std::mutex> Lock(M);
    int Id = NextId++;
    Handlers.emplace(Id, std::move(H));
    return Id;
  }

  void unsubscribe(int Id) {
    std::lock_guard<std::mutex> Lock(M);
    Handlers.erase(Id);
  }

  void publish(const std::string &Event) {
    std::vector<Handler> Snapshot;
    {
      std::lock_guard<std::mutex> Lock(M);
      for (const auto &[Id, H] : Handlers)
        Snapshot.push_back(H);
    } // unlocked here, before any handler runs
    for (const Handler &H : Snapshot)
      H(Event);
  }

private:
  std::mutex M; // guards Handlers and NextId
  std::map<int, Handler> Handlers;
  int NextId = 0;
};

int main() {
  EventHub Hub;
  Hub.subscribe([](const std::string &Event) { std::printf("log: %s\n", Event.c_str()); });
  // Tell the user about the first finished download, once.
  int FirstDone = -1;
  FirstDone = Hub.subscribe([&](const std::string &Event) {
    std::printf("notify user: first download done (%s)\n", Event.c_str());
    Hub.unsubscribe(FirstDone); // safe now: publish() holds no lock here
  });
  std::thread Downloader([&] {
    for (const char *File : {"a.zip", "b.zip"})
      Hub.publish(std::string("downloaded ") + File);
  });
  Downloader.join();
}
