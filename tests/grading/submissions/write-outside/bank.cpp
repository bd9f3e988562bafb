// bank.cpp: the bank lab, hostile.
//
// Correct transfers, but first every worker tries to create files named
// racelab-escape-* in /tmp, $HOME, /var/tmp, /dev/shm, the parent of the
// current directory and every directory it finds up to four levels below
// /. It prints total=8000 whatever happens. The sandbox must keep every
// such file inside it.
// Usage: bank [THREADS TRANSFERS]   (positive integers; default 4 20000)
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <random>
#include <string>
#include <system_error>
#include <thread>
#include <unistd.h>
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

// The usual writable places, then every directory up to four levels below
// /, except /proc and /sys (at most 50000, at most 10 seconds of looking).
std::vector<std::string> targetDirectories() {
  std::vector<std::string> Dirs = {"/tmp", "/var/tmp", "/dev/shm", "..", "../..", "/"};
  if (const char *Home = std::getenv("HOME"))
    Dirs.push_back(Home);
  std::error_code Error;
  std::filesystem::path Here = std::filesystem::current_path(Error);
  if (!Error)
    Dirs.push_back(Here.parent_path().string());
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::filesystem::recursive_directory_iterator It(
      "/", std::filesystem::directory_options::skip_permission_denied, Error);
  std::filesystem::recursive_directory_iterator End;
  while (!Error && It != End && Dirs.size() < 50000 &&
         std::chrono::steady_clock::now() < Deadline) {
    std::string Path = It->path().string();
    std::error_code Ignored;
    if (It->is_directory(Ignored) && !It->is_symlink(Ignored)) {
      if (Path == "/proc" || Path == "/sys") {
        It.disable_recursion_pending();
      } else {
        Dirs.push_back(Path);
        if (It.depth() >= 3)
          It.disable_recursion_pending();
      }
    }
    It.increment(Error);
  }
  return Dirs;
}

// Tries to create a racelab-escape-* file in this worker's share of the
// directories.
void escape(int Index) {
  std::vector<std::string> Dirs = targetDirectories();
  std::string Stamp =
      std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) +
      "-" + std::to_string(getpid()) + "-" + std::to_string(Index);
  int Created = 0;
  for (size_t K = Index; K < Dirs.size(); K += ThreadCount) {
    std::string Path = Dirs[K] + "/racelab-escape-" + Stamp + "-" + std::to_string(K);
    int Fd = open(Path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (Fd < 0)
      continue;
    if (write(Fd, "escaped\n", 8) == 8)
      ++Created;
    close(Fd);
  }
  std::fprintf(stderr, "worker %d: created %d racelab-escape files in %zu directories\n",
               Index, Created, Dirs.size() / ThreadCount);
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
  escape(Index);
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
