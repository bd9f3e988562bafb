// bank.cpp: the bank lab, hostile.
//
// Correct transfers, but first it tries to reach the network: a TCP
// connection to 127.0.0.1:47123 (the test driver listens there) and to
// 1.1.1.1:53, and a UDP datagram to 1.1.1.1:53. It prints total=8000
// whatever happens. The sandbox must let none of it through.
// Usage: bank [THREADS TRANSFERS]   (positive integers; default 4 20000)
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <sys/socket.h>
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

// Tries a TCP connection to Address:Port for up to a second; sends a line
// when it gets one. True if it connected.
bool tryConnect(const char *Address, int Port) {
  int Fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (Fd < 0)
    return false;
  sockaddr_in Peer{};
  Peer.sin_family = AF_INET;
  Peer.sin_port = htons(Port);
  inet_pton(AF_INET, Address, &Peer.sin_addr);
  bool Connected = false;
  if (connect(Fd, reinterpret_cast<sockaddr *>(&Peer), sizeof Peer) == 0) {
    Connected = true;
  } else if (errno == EINPROGRESS) {
    pollfd Poll{Fd, POLLOUT, 0};
    int Error = 0;
    socklen_t Length = sizeof Error;
    Connected = poll(&Poll, 1, 1000) == 1 &&
                getsockopt(Fd, SOL_SOCKET, SO_ERROR, &Error, &Length) == 0 &&
                Error == 0;
  }
  if (Connected) {
    const char Hello[] = "racelab-escape: bank lab submission got out\n";
    send(Fd, Hello, sizeof Hello - 1, MSG_NOSIGNAL);
  }
  close(Fd);
  return Connected;
}

// Sends one UDP datagram to Address:Port. True if the kernel took it.
bool trySend(const char *Address, int Port) {
  int Fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (Fd < 0)
    return false;
  sockaddr_in Peer{};
  Peer.sin_family = AF_INET;
  Peer.sin_port = htons(Port);
  inet_pton(AF_INET, Address, &Peer.sin_addr);
  const char Query[] = "racelab-escape";
  bool Sent = sendto(Fd, Query, sizeof Query - 1, 0,
                     reinterpret_cast<sockaddr *>(&Peer), sizeof Peer) > 0;
  close(Fd);
  return Sent;
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

  std::fprintf(stderr, "tcp 127.0.0.1:47123 %s\n",
               tryConnect("127.0.0.1", 47123) ? "CONNECTED" : "blocked");
  std::fprintf(stderr, "tcp 1.1.1.1:53 %s\n",
               tryConnect("1.1.1.1", 53) ? "CONNECTED" : "blocked");
  std::fprintf(stderr, "udp 1.1.1.1:53 %s\n",
               trySend("1.1.1.1", 53) ? "SENT" : "blocked");

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
