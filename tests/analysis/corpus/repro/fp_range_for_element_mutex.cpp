// FP: every element of the container has its own mutex, and every access to
// an element's Balance holds that element's M. When one side reaches the
// element through a range-for (index unknown, 'Accounts[]'), racecheck no
// longer treats 'Accounts[].M' as the lock of the 'Accounts[0]' it races with.
#include <deque>
#include <mutex>
#include <thread>
struct Account { std::mutex M; long Balance = 0; };
std::deque<Account> Accounts(4);
void deposit(Account &A, long N) {
  std::lock_guard<std::mutex> L(A.M);
  A.Balance += N;
}
long total() {
  long Sum = 0;
  for (Account &A : Accounts) {
    std::lock_guard<std::mutex> L(A.M);
    Sum += A.Balance;
  }
  return Sum;
}
int main() {
  std::thread T1([] { deposit(Accounts[0], 5); });
  std::thread T2([] { (void)total(); });
  T1.join();
  T2.join();
}
