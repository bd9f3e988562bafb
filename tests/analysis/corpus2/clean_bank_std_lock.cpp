// Bank with per-account locks taken through std::lock and deferred
// unique_locks, a statistics block behind its own mutex, and an auditor
// thread that sums all balances while transfers run.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

struct Account {
  long Balance = 1000;
  std::mutex M;
};

struct TransferStats {
  long Done = 0;
  long Rejected = 0;
  std::mutex M;
};

static void bumpStats(TransferStats &S, bool Ok) {
  std::lock_guard<std::mutex> L(S.M);
  if (Ok)
    ++S.Done;
  else
    ++S.Rejected;
}

static bool transfer(Account &From, Account &To, long Amount) {
  std::unique_lock<std::mutex> L1(From.M, std::defer_lock);
  std::unique_lock<std::mutex> L2(To.M, std::defer_lock);
  std::lock(L1, L2);
  if (From.Balance < Amount)
    return false;
  From.Balance -= Amount;
  To.Balance += Amount;
  return true;
}

static long audit(std::vector<Account> &Accounts) {
  long Sum = 0;
  for (Account &A : Accounts) {
    A.M.lock();
    Sum += A.Balance;
    A.M.unlock();
  }
  return Sum;
}

int main() {
  std::vector<Account> Accounts(12);
  TransferStats Stats;
  std::atomic<bool> Running{true};

  std::vector<std::thread> Tellers;
  for (int T = 0; T < 3; ++T) {
    Tellers.emplace_back([&Accounts, &Stats, T] {
      std::minstd_rand Rng(T + 1);
      for (int I = 0; I < 4000; ++I) {
        size_t A = Rng() % Accounts.size();
        size_t B = Rng() % Accounts.size();
        if (A == B)
          continue;
        bumpStats(Stats, transfer(Accounts[A], Accounts[B], long(Rng() % 150)));
      }
    });
  }

  std::thread Auditor([&] {
    int Rounds = 0;
    while (Running.load()) {
      long Sum = audit(Accounts);
      if (++Rounds % 100 == 0)
        std::printf("audit %d: %ld\n", Rounds, Sum);
    }
  });

  for (auto &T : Tellers)
    T.join();
  Running = false;
  Auditor.join();

  std::lock_guard<std::mutex> L(Stats.M);
  std::printf("done=%ld rejected=%ld final=%ld\n", Stats.Done, Stats.Rejected,
              audit(Accounts));
  return 0;
}
