// A bounded producer/consumer queue with two condition variables. Every
// access to the deque, including the depth() used by the monitor, holds the
// queue mutex.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

class MessageQueue {
public:
  void push(std::string Msg) {
    std::unique_lock<std::mutex> Lock(Mutex);
    NotFull.wait(Lock, [this] { return Items.size() < Capacity; });
    Items.push_back(std::move(Msg));
    Lock.unlock();
    NotEmpty.notify_one();
  }

  std::string pop() {
    std::unique_lock<std::mutex> Lock(Mutex);
    NotEmpty.wait(Lock, [this] { return !Items.empty(); });
    std::string Msg = std::move(Items.front());
    Items.pop_front();
    Lock.unlock();
    NotFull.notify_one();
    return Msg;
  }

  size_t depth() const {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Items.size();
  }

private:
  static constexpr size_t Capacity = 16;
  std::deque<std::string> Items;
  mutable std::mutex Mutex;
  std::condition_variable NotEmpty, NotFull;
};

int main() {
  MessageQueue Q;
  const int Messages = 2000;
  std::thread Producer([&Q] {
    for (int I = 0; I < Messages; ++I)
      Q.push("msg " + std::to_string(I));
  });
  std::thread Consumer([&Q] {
    size_t Bytes = 0;
    for (int I = 0; I < Messages; ++I)
      Bytes += Q.pop().size();
    std::printf("consumed %zu bytes\n", Bytes);
  });
  std::thread Monitor([&Q] {
    for (int I = 0; I < 10; ++I) {
      std::printf("depth %zu\n", Q.depth());
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  Producer.join();
  Consumer.join();
  Monitor.join();
}
