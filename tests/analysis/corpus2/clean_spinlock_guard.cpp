// Order id generator and a small ticket log protected by a hand-written
// spinlock (std::atomic_flag with acquire/release), used through
// std::lock_guard like any other lockable.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Spinlock {
public:
  void lock() {
    while (Flag.test_and_set(std::memory_order_acquire))
      while (Flag.test(std::memory_order_relaxed))
        std::this_thread::yield();
  }
  void unlock() { Flag.clear(std::memory_order_release); }

private:
  std::atomic_flag Flag = ATOMIC_FLAG_INIT;
};

class TicketOffice {
public:
  long issue(const std::string &Customer) {
    std::lock_guard<Spinlock> G(Lock);
    long Id = NextId++;
    Log.push_back(Customer + "#" + std::to_string(Id));
    return Id;
  }

  size_t issued() {
    std::lock_guard<Spinlock> G(Lock);
    return Log.size();
  }

  std::string last() {
    std::lock_guard<Spinlock> G(Lock);
    return Log.empty() ? "" : Log.back();
  }

private:
  Spinlock Lock;
  long NextId = 1000;
  std::vector<std::string> Log;
};

int main() {
  TicketOffice Office;
  std::vector<std::thread> Desks;
  for (int D = 0; D < 4; ++D)
    Desks.emplace_back([&Office, D] {
      long Sum = 0;
      for (int I = 0; I < 2500; ++I)
        Sum += Office.issue("desk" + std::to_string(D));
      std::printf("desk %d id sum %ld\n", D, Sum);
    });
  for (auto &T : Desks)
    T.join();
  std::printf("%zu tickets, last %s\n", Office.issued(), Office.last().c_str());
  return 0;
}
