// Retry queue for outgoing webhooks, owning a std::jthread. The worker
// retries failed deliveries and reports successes through a callback; the
// notifier's callback and its report() both take the notifier's own mutex.
// The queue's destructor waits until everything is delivered.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>
#include <utility>

struct Delivery {
  int Id;
  int Attempts = 0;
};

template <typename OnDelivered> class RetryQueue {
public:
  explicit RetryQueue(OnDelivered Callback)
      : Callback(std::move(Callback)), Worker([this](std::stop_token St) { loop(St); }) {}

  ~RetryQueue() {
    std::unique_lock<std::mutex> Lock(Mutex);
    Idle.wait(Lock, [this] { return Items.empty() && InFlight == 0; });
  } // Worker (declared last) is destroyed first: request_stop() and join()

  void push(Delivery D) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Items.push_back(D);
    Wakeup.notify_one();
  }

private:
  static bool send(const Delivery &D) { return (D.Id + D.Attempts) % 3 == 0; }

  void loop(std::stop_token St) {
    std::unique_lock<std::mutex> Lock(Mutex);
    while (Wakeup.wait(Lock, St, [this] { return !Items.empty(); })) {
      Delivery D = Items.front();
      Items.pop_front();
      ++InFlight;
      Lock.unlock();
      bool Sent = send(D);
      if (Sent)
        Callback(D);
      Lock.lock();
      --InFlight;
      if (!Sent) {
        ++D.Attempts;
        Items.push_back(D);
      }
      Idle.notify_all();
    }
  }

  OnDelivered Callback;
  std::mutex Mutex;
  std::condition_variable_any Wakeup;
  std::condition_variable Idle;
  std::deque<Delivery> Items;
  int InFlight = 0;
  std::jthread Worker;
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

  int delivered() {
    std::lock_guard<std::mutex> Lock(StatsMutex);
    return Delivered;
  }

private:
  void recordDelivery(const Delivery &D) {
    std::lock_guard<std::mutex> Lock(StatsMutex);
    ++Delivered;
    TotalAttempts += D.Attempts + 1;
  }

  void report() {
    int SoFar;
    long Attempts;
    {
      std::lock_guard<std::mutex> Lock(StatsMutex);
      SoFar = Delivered;
      Attempts = TotalAttempts;
    }
    std::printf("delivered %d so far in %ld attempts\n", SoFar, Attempts);
  }

  std::mutex StatsMutex;
  int Delivered = 0;
  long TotalAttempts = 0;
};

int main() {
  WebhookNotifier Notifier;
  Notifier.run(200);
  std::printf("all %d webhooks delivered\n", Notifier.delivered());
}
