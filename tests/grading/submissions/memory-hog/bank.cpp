// bank.cpp: the bank lab, hostile.
//
// Correct transfers, then every worker allocates memory and touches every
// page of it, until the process dies. The grader must kill it at the lab's
// memory limit, before the machine runs out.
// Usage: bank [THREADS TRANSFERS]   (positive integers; default 4 20000)
#include <atomic>
#include <climits>
#include <condition_variable>
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

// The start line: main sets it once every worker thread exists, and no
// worker makes a transfer before that, so the threads really make their
// transfers at the same time instead of one after the other.
std::atomic<bool> AllStarted{false};

int ThreadCount = 0; // set by main before the workers start

std::mutex DoneMutex;
std::condition_variable AllDone;
int WorkersDone = 0; // guarded by DoneMutex

// Returns once every worker has made its transfers.
void waitForAllWorkers() {
  std::unique_lock<std::mutex> Lock(DoneMutex);
  if (++WorkersDone == ThreadCount)
    AllDone.notify_all();
  AllDone.wait(Lock, [] { return WorkersDone == ThreadCount; });
}

// Allocates 64 MiB blocks and writes to every page, for ever.
void hog() {
  std::vector<char *> Blocks;
  for (;;) {
    char *Block = new char[64 << 20];
    for (long I = 0; I < (64 << 20); I += 4096)
      Block[I] = static_cast<char>(I);
    Blocks.push_back(Block);
  }
}

// Moves Amount from account From to account To, but only if From holds at
// least Amount.
void transfer(int From, int To, int Amount) {
  std::scoped_lock Lock(Accounts[From].M, Accounts[To].M);
  if (Accounts[From].Balance >= Amount) {
    Accounts[From].Balance -= Amount;
    Accounts[To].Balance += Amount;
  }
}

// The work of one thread: Transfers attempts between two distinct random
// accounts, of a random amount in [1, 100], from a generator seeded with the
// thread's index.
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
  waitForAllWorkers();
  hog();
}

// Reads Text as a positive int into Value; false if it is anything else.
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

  ThreadCount = Threads;

  std::vector<std::thread> Workers;
  for (int I = 0; I < Threads; ++I)
    Workers.emplace_back(worker, I, Transfers);
  AllStarted.store(true);
  for (std::thread &Worker : Workers)
    Worker.join();

  long Total = 0;
  for (const Account &A : Accounts)
    Total += A.Balance;
  std::printf("total=%ld\n", Total);
  return 0;
}
