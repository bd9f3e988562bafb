// Retry queue for outgoing webhooks: failed deliveries are queued, a
// background thread owned by the queue retries them and reports each
// success through a completion callback. The notifier's callback updates its
// counters on the queue's thread while the notifier reads them on its own.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

struct Delivery {
  int Id;
  int Attempts = 0;
};

template <typename OnDelivered> class RetryQueue {
public:
  explicit RetryQueue(OnDelivered Callback)
      : Callback(std::move(Callback)), Worker(&RetryQueue::loop, this) {}

  ~RetryQueue() {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Stopping = true;
    }
    Wakeup.notify_all();
    Worker.join();
  }

  void push(Delivery D) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Items.push_back(D);
    }
    Wakeup.notify_one();
  }

private:
  static bool send(const Delivery &D) { return (D.Id + D.Attempts) % 3 == 0; }

  void loop() {
    for (;;) {
      Delivery D{0};
      {
        std::unique_lock<std::mutex> Lock(Mutex);
        Wakeup.wait(Lock, [this] { return Stopping || !Items.empty(); });
        if (Items.empty())
          return;
        D = Items.front();
        Items.pop_front();
      }
      if (send(D)) {
        Callback(D);
        continue;
      }
      ++D.Attempts;
      std::lock_guard<std::mutex> Lock(Mutex);
      Items.push_back(D);
    }
  }

  OnDelivered Callback;
  std::mutex Mutex;
  std::condition_variable Wakeup;
  std::deque<Delivery> Items;
  bool Stopping = false;
  std::thread Worker;
};

class WebhookNotifier {
public:
  void run(int Events) {
    auto OnDone = [this](const Delivery &D) { recordDelivery(D); };
    RetryQueue<decltype(OnDone)> Queue(OnDone);
    for (int I = 0; I < Events; ++I) {
      Queue.push(Delivery{I});
      if (I % 25 == 0)
        report();
    }
  }

  int delivered() const { return Delivered; }

private:
  void recordDelivery(const Delivery &D) {
    ++Delivered; // expect-race: Delivered
    TotalAttempts += D.Attempts + 1; // expect-race: TotalAttempts
  }

  void report() const {
    int SoFar = Delivered; // expect-race: Delivered
    long Attempts = TotalAttempts; // expect-race: TotalAttempts
    std::printf("delivered %d so far in %ld attempts\n", SoFar, Attempts);
  }

  int Delivered = 0;
  long TotalAttempts = 0;
};

int main() {
  WebhookNotifier Notifier;
  Notifier.run(200);
  std::printf("all %d webhooks delivered\n", Notifier.delivered());
}
