// In-process pub/sub bus of a market-data gateway. Publishers fan messages
// out to all subscribers; an audit subscriber registers late, while the
// publishers are already running. publish() walks the list without the lock.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Message {
  std::string Topic;
  int Payload;
};

class Subscriber {
public:
  explicit Subscriber(std::string Topic) : Topic(std::move(Topic)) {}

  void deliver(const Message &M) {
    std::lock_guard<std::mutex> Lock(InboxMutex);
    if (M.Topic == Topic)
      Received += M.Payload;
  }

  long total() {
    std::lock_guard<std::mutex> Lock(InboxMutex);
    return Received;
  }

private:
  const std::string Topic;
  std::mutex InboxMutex;
  long Received = 0;
};

class MessageBus {
public:
  void subscribe(Subscriber *S) {
    std::lock_guard<std::mutex> Lock(BusMutex);
    Subscribers.push_back(S); // expect-race: Subscribers grows while publish() iterates
  }

  void publish(const Message &M) {
    // Publishing is the hot path, so it walks the list without the bus lock.
    for (Subscriber *S : Subscribers) // expect-race: Subscribers
      S->deliver(M);
  }

private:
  std::mutex BusMutex;
  std::vector<Subscriber *> Subscribers;
};

static void publisher(MessageBus &Bus, const std::string &Topic, int Count) {
  for (int I = 0; I < Count; ++I)
    Bus.publish(Message{Topic, I});
}

int main() {
  MessageBus Bus;
  Subscriber Prices("prices"), Orders("orders"), Audit("prices");
  Bus.subscribe(&Prices);
  Bus.subscribe(&Orders);

  std::thread P1(publisher, std::ref(Bus), std::string("prices"), 1000);
  std::thread P2(publisher, std::ref(Bus), std::string("orders"), 1000);
  std::thread Late([&Bus, &Audit] { Bus.subscribe(&Audit); });

  P1.join();
  P2.join();
  Late.join();
  std::printf("prices %ld orders %ld audit %ld\n", Prices.total(), Orders.total(), Audit.total());
}
