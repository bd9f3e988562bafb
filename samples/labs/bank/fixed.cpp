// The bank lab: the reference solution. Never handed out.
//
// Each account gets its own mutex, which guards its balance. A transfer
// locks both of its accounts with one std::scoped_lock: that takes the two
// mutexes as one step, with a deadlock-avoidance algorithm, so a transfer
// from A to B and one from B to A at the same time cannot deadlock, and
// TSan sees no lock-order inversion. Transfers between four other accounts
// still run in parallel.
//
// Usage: bank [THREADS TRANSFERS]   (positive integers; default 4 20000)
#include <atomic>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

constexpr int AccountCount = 8;
constexpr int InitialBalance = 1000;

struct Account {
  std::mutex M; // guards Balance
  int Balance = InitialBalance;
};

Account Accounts[AccountCount];

// Set by main once every worker thread exists (see the starter).
std::atomic<bool> AllStarted{false};

// Moves Amount from account From to account To, but only if From holds at
// least Amount. The check and the move happen under both locks, so no other
// transfer can change either balance in between.
void transfer(int From, int To, int Amount) {
  std::scoped_lock Lock(Accounts[From].M, Accounts[To].M);
  if (Accounts[From].Balance >= Amount) {
    Accounts[From].Balance -= Amount;
    Accounts[To].Balance += Amount;
  }
}

void worker(int Index, int Transfers) {
  while (!AllStarted.load())
    std::this_thread::yield();
  std::mt19937 Random(Index);
  std::uniform_int_distribution<int> PickFrom(0, AccountCount - 1);
  std::uniform_int_distribution<int> PickTo(0, AccountCount - 2);
  std::uniform_int_distribution<int> PickAmount(1, 100);
  for (int I = 0; I < Transfers; ++I) {
    int From = PickFrom(Random);
    int To = PickTo(Random);
    if (To >= From) // skip From itself: the two accounts are distinct
      ++To;
    int Amount = PickAmount(Random);
    transfer(From, To, Amount);
  }
}

bool parsePositive(const char *Text, int &Value) {
  char *End = nullptr;
  long Parsed = std::strtol(Text, &End, 10);
  if (End == Text || *End != '\0' || Parsed < 1 || Parsed > INT_MAX)
    return false;
  Value = static_cast<int>(Parsed);
  return true;
}

int main(int Argc, char **Argv) {
  int Threads = 4;
  int Transfers = 20000;
  if (Argc != 1 && (Argc != 3 || !parsePositive(Argv[1], Threads) ||
                    !parsePositive(Argv[2], Transfers))) {
    std::fprintf(stderr, "usage: %s [THREADS TRANSFERS]\n"
                         "  THREADS and TRANSFERS are positive integers "
                         "(default 4 20000)\n",
                 Argv[0]);
    return 2;
  }

  std::vector<std::thread> Workers;
  for (int I = 0; I < Threads; ++I)
    Workers.emplace_back(worker, I, Transfers);
  AllStarted.store(true);
  for (std::thread &Worker : Workers)
    Worker.join();

  // join() makes every transfer visible to main; no lock needed here.
  long Total = 0;
  for (const Account &A : Accounts)
    Total += A.Balance;
  std::printf("total=%ld\n", Total);
  return 0;
}
