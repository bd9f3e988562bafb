// Bank simulation: several tellers process random transfer requests.
// Balances are protected per account; the statistics counters are not.
#include <cstdio>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

struct Account {
  int Id;
  long Balance;
  std::mutex M;
  Account(int Id, long Balance) : Id(Id), Balance(Balance) {}
};

class Bank {
public:
  explicit Bank(int NumAccounts) {
    for (int I = 0; I < NumAccounts; ++I)
      Accounts.push_back(std::make_unique<Account>(I, 1000));
  }

  bool transfer(int From, int To, long Amount) {
    if (From == To)
      return false;
    Account &A = *Accounts[From];
    Account &B = *Accounts[To];
    std::scoped_lock Lock(A.M, B.M);
    if (A.Balance < Amount)
      return false;
    A.Balance -= Amount;
    B.Balance += Amount;
    return true;
  }

  void runTeller(int TellerId, int Requests) {
    std::mt19937 Rng(TellerId * 7919u + 1);
    std::uniform_int_distribution<int> Pick(0, int(Accounts.size()) - 1);
    std::uniform_int_distribution<long> Amount(1, 200);
    for (int R = 0; R < Requests; ++R) {
      int From = Pick(Rng);
      int To = Pick(Rng);
      if (transfer(From, To, Amount(Rng)))
        ++TotalTransfers; // expect-race: TotalTransfers
      else
        ++RejectedTransfers; // expect-race: RejectedTransfers
    }
  }

  long totalBalance() {
    long Sum = 0;
    for (auto &A : Accounts) {
      std::lock_guard<std::mutex> L(A->M);
      Sum += A->Balance;
    }
    return Sum;
  }

  long TotalTransfers = 0;
  long RejectedTransfers = 0;

private:
  std::vector<std::unique_ptr<Account>> Accounts;
};

int main() {
  Bank B(16);
  std::vector<std::thread> Tellers;
  for (int T = 0; T < 4; ++T)
    Tellers.emplace_back(&Bank::runTeller, &B, T, 5000);
  for (auto &T : Tellers)
    T.join();
  std::printf("transfers=%ld rejected=%ld total=%ld\n", B.TotalTransfers,
              B.RejectedTransfers, B.totalBalance());
  return 0;
}
