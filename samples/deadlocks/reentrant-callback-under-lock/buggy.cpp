// A small publish/subscribe hub: code anywhere subscribes callbacks, and a
// downloader thread publishes an event for every finished download. The
// hub's mutex guards its table of handlers. The bug: publish() calls every
// handler while it still holds that mutex. Handlers are user code and may
// call back into the hub; here a one-shot handler unsubscribes itself when
// it has fired, and unsubscribe() locks the same, non-recursive mutex from
// inside publish(). The downloader thread waits for itself, for ever.
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

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
    // expect-deadlock@+1: M
    std::lock_guard<std::mutex> Lock(M); // expect-double-lock: M
    Handlers.erase(Id);
  }

  void publish(const std::string &Event) {
    std::lock_guard<std::mutex> Lock(M);
    for (auto &[Id, H] : Handlers)
      H(Event); // runs user code with M held; the handler may re-enter
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
    Hub.unsubscribe(FirstDone); // re-enters the hub from inside publish()
  });
  std::thread Downloader([&] {
    for (const char *File : {"a.zip", "b.zip"})
      Hub.publish(std::string("downloaded ") + File);
  });
  Downloader.join();
}
