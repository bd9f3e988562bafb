// Money transfer between two accounts. To "avoid deadlock" the author locks
// only the source account; the destination balance is then updated while a
// transfer in the opposite direction holds the other account's mutex.
#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  int Id;
  long Balance;
  std::mutex M;
};

bool transfer(Account &From, Account &To, long Amount) {
  std::lock_guard<std::mutex> Lock(From.M);
  if (From.Balance < Amount) // expect-race: Balance
    return false;
  From.Balance -= Amount; // expect-race: Balance
  To.Balance += Amount; // expect-race: Balance destination not locked
  return true;
}

void payroll(Account &Company, Account &Employee, int Months) {
  for (int M = 0; M < Months; ++M)
    transfer(Company, Employee, 100);
}

void refunds(Account &Employee, Account &Company, int Count) {
  for (int I = 0; I < Count; ++I)
    transfer(Employee, Company, 30);
}

int main() {
  Account Company{1, 100000, {}};
  Account Alice{2, 0, {}};
  std::thread Pay(payroll, std::ref(Company), std::ref(Alice), 1000);
  std::thread Refund(refunds, std::ref(Alice), std::ref(Company), 1000);
  Pay.join();
  Refund.join();
  std::printf("company %ld, alice %ld, total %ld\n", Company.Balance,
              Alice.Balance, Company.Balance + Alice.Balance);
}
