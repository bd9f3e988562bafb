// FP (clean_spinlock_guard.cpp:28/29): a lockable class built on
// std::atomic_flag (acquire/release) used through std::lock_guard is not a
// lock. Even --lock-function=Spinlock::lock --unlock-function=Spinlock::unlock
// only helps for manual Lock.lock()/unlock(), not for lock_guard<Spinlock>.
#include <atomic>
#include <mutex>
#include <thread>
class Spinlock {
public:
  void lock() { while (Flag.test_and_set(std::memory_order_acquire)) {} }
  void unlock() { Flag.clear(std::memory_order_release); }
private:
  std::atomic_flag Flag = ATOMIC_FLAG_INIT;
};
static Spinlock Lock;
static long Tickets;
static void desk() {
  for (int I = 0; I < 1000; ++I) {
    std::lock_guard<Spinlock> G(Lock);
    ++Tickets;
  }
}
int main() {
  std::thread A(desk), B(desk);
  A.join();
  B.join();
}
