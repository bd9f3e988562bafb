//===- DeadlockTest.cpp - Lock order inversions and double locks ----------===//
//
// racelab-lock-order-inversion (cycles across threads, through helpers and
// other functions, rings of element mutexes, joins while holding a lock)
// and racelab-double-lock, each next to the correct code that must stay
// silent: std::scoped_lock / std::lock, one consistent order, try_lock
// with back-off, recursive mutexes, orders that never overlap in time.
// Lines are named by marker comments ("// A1"), not counted.
//
//===----------------------------------------------------------------------===//
#include "AnalysisTestHelper.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using namespace racelab::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::SizeIs;

namespace {

std::vector<CheckAt> lockOrder(const std::string &Code) {
  return findingsOf(Code, "racelab-lock-order-inversion");
}
std::vector<CheckAt> doubleLock(const std::string &Code) {
  return findingsOf(Code, "racelab-double-lock");
}

/// Two threads: one runs First, the other Second; mutexes A, B, C exist.
std::string twoThreads(const std::string &Functions) {
  return "#include <mutex>\n#include <thread>\nstd::mutex A, B, C;\nint N;\n" +
         Functions +
         "\nint main() {\n  std::thread T1(first), T2(second);\n  T1.join();\n"
         "  T2.join();\n}\n";
}

// --- lock-order-inversion: positive ---------------------------------------

TEST(DeadlockTest, AbbaAcrossTwoFunctions) {
  std::string Code = twoThreads(R"cpp(
void first() {
  std::lock_guard<std::mutex> L1(A); // A1
  std::lock_guard<std::mutex> L2(B); // B1
  N++;
}
void second() {
  std::lock_guard<std::mutex> L1(B); // B2
  std::lock_guard<std::mutex> L2(A); // A2
  N++;
})cpp");
  auto F = lockOrder(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_THAT(F[0].Lines, ElementsAre(lineOf(Code, "// A1"), lineOf(Code, "// B1"),
                                      lineOf(Code, "// B2"), lineOf(Code, "// A2")));
}

TEST(DeadlockTest, AbbaThroughAHelperCalledWithTheLockHeld) {
  std::string Code = twoThreads(R"cpp(
void audit() { std::lock_guard<std::mutex> L(B); N++; } // B1
void first() {
  std::lock_guard<std::mutex> L(A); // A1
  audit();
}
void second() {
  B.lock();                          // B2
  std::lock_guard<std::mutex> L(A); // A2
  B.unlock();
})cpp");
  auto F = lockOrder(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_THAT(F[0].Lines, IsSupersetOf({lineOf(Code, "// A1"), lineOf(Code, "// B1"),
                                        lineOf(Code, "// B2"), lineOf(Code, "// A2")}));
}

TEST(DeadlockTest, AbbaOnMembersOfTwoObjects) {
  // The classic transfer(From, To) called with the arguments swapped.
  std::string Code = R"cpp(#include <mutex>
#include <thread>
struct Account { std::mutex M; long Balance = 100; };
void transfer(Account &From, Account &To, long Amount) {
  std::lock_guard<std::mutex> L1(From.M); // FROM
  std::lock_guard<std::mutex> L2(To.M);   // TO
  From.Balance -= Amount;
  To.Balance += Amount;
}
int main() {
  Account X, Y;
  std::thread T1(transfer, std::ref(X), std::ref(Y), 10);
  std::thread T2(transfer, std::ref(Y), std::ref(X), 20);
  T1.join();
  T2.join();
}
)cpp";
  auto F = lockOrder(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_THAT(F[0].Lines, ElementsAre(lineOf(Code, "// FROM"), lineOf(Code, "// TO")));
}

TEST(DeadlockTest, ThreeLockCycle) {
  std::string Code = R"cpp(#include <mutex>
#include <thread>
std::mutex A, B, C;
void ab() { std::lock_guard<std::mutex> X(A); std::lock_guard<std::mutex> Y(B); } // AB
void bc() { std::lock_guard<std::mutex> X(B); std::lock_guard<std::mutex> Y(C); } // BC
void ca() { std::lock_guard<std::mutex> X(C); std::lock_guard<std::mutex> Y(A); } // CA
int main() {
  std::thread T1(ab), T2(bc), T3(ca);
  T1.join(); T2.join(); T3.join();
}
)cpp";
  auto F = lockOrder(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_THAT(F[0].Lines, ElementsAre(lineOf(Code, "// AB"), lineOf(Code, "// BC"),
                                      lineOf(Code, "// CA")));
}

TEST(DeadlockTest, DiningPhilosophersRing) {
  std::string Code = R"cpp(#include <mutex>
#include <thread>
#include <vector>
constexpr int N = 5;
std::mutex Forks[N];
int Meals[N];
void dine(int I) {
  std::lock_guard<std::mutex> Left(Forks[I]);             // LEFT
  std::lock_guard<std::mutex> Right(Forks[(I + 1) % N]);  // RIGHT
  Meals[I]++;
}
int main() {
  std::vector<std::thread> Ts;
  for (int I = 0; I < N; ++I)
    Ts.emplace_back(dine, I);
  for (auto &T : Ts)
    T.join();
}
)cpp";
  auto F = lockOrder(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_THAT(F[0].Lines, ElementsAre(lineOf(Code, "// LEFT"), lineOf(Code, "// RIGHT")));
}

TEST(DeadlockTest, JoinWhileHoldingALockTheThreadNeeds) {
  std::string Code = R"cpp(#include <mutex>
#include <thread>
std::mutex M;
int N;
int main() {
  std::thread T([] { std::lock_guard<std::mutex> L(M); N++; }); // TAKES
  std::lock_guard<std::mutex> L(M);                             // HELD
  T.join();                                                     // JOIN
}
)cpp";
  auto F = lockOrder(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// JOIN"));
  EXPECT_THAT(F[0].Lines, ElementsAre(lineOf(Code, "// TAKES"), lineOf(Code, "// HELD"),
                                      lineOf(Code, "// JOIN")));
}

// --- lock-order-inversion: silent -------------------------------------------

TEST(DeadlockTest, SilentForOneConsistentOrder) {
  EXPECT_THAT(lockOrder(twoThreads(R"cpp(
void first() { std::lock_guard<std::mutex> X(A); std::lock_guard<std::mutex> Y(B); N++; }
void second() { std::lock_guard<std::mutex> X(A); std::lock_guard<std::mutex> Y(B); N--; }
)cpp")),
              IsEmpty());
}

TEST(DeadlockTest, SilentForScopedLockAndStdLock) {
  EXPECT_THAT(lockOrder(twoThreads(R"cpp(
void first() { std::scoped_lock L(A, B); N++; }
void second() { std::scoped_lock L(B, A); N--; }
)cpp")),
              IsEmpty());
  EXPECT_THAT(lockOrder(twoThreads(R"cpp(
void first() {
  std::lock(A, B);
  std::lock_guard<std::mutex> X(A, std::adopt_lock), Y(B, std::adopt_lock);
  N++;
}
void second() {
  std::unique_lock<std::mutex> X(B, std::defer_lock), Y(A, std::defer_lock);
  std::lock(X, Y);
  N--;
}
)cpp")),
              IsEmpty());
}

TEST(DeadlockTest, SilentForTryLockWithBackOff) {
  EXPECT_THAT(lockOrder(twoThreads(R"cpp(
void first() { std::lock_guard<std::mutex> X(A); std::lock_guard<std::mutex> Y(B); N++; }
void second() {
  for (;;) {
    std::unique_lock<std::mutex> X(B);
    if (A.try_lock()) {
      N--;
      A.unlock();
      return;
    }
  }
}
)cpp")),
              IsEmpty());
}

TEST(DeadlockTest, SilentWhenTheTwoOrdersNeverOverlap) {
  // The second thread starts only after the first one was joined.
  EXPECT_THAT(lockOrder(R"cpp(#include <mutex>
#include <thread>
std::mutex A, B;
void ab() { std::lock_guard<std::mutex> X(A); std::lock_guard<std::mutex> Y(B); }
void ba() { std::lock_guard<std::mutex> X(B); std::lock_guard<std::mutex> Y(A); }
int main() {
  std::thread T1(ab);
  T1.join();
  std::thread T2(ba);
  T2.join();
}
)cpp"),
              IsEmpty());
}

TEST(DeadlockTest, SilentWhenAGateLockSerialisesBothOrders) {
  EXPECT_THAT(lockOrder(twoThreads(R"cpp(
void first() {
  std::lock_guard<std::mutex> G(C);
  std::lock_guard<std::mutex> X(A); std::lock_guard<std::mutex> Y(B);
}
void second() {
  std::lock_guard<std::mutex> G(C);
  std::lock_guard<std::mutex> X(B); std::lock_guard<std::mutex> Y(A);
}
)cpp")),
              IsEmpty());
}

TEST(DeadlockTest, SilentForPhilosophersWithAGlobalOrder) {
  // Lower-numbered fork first, and the asymmetric last philosopher.
  for (const char *Body :
       {"  int Lo = std::min(I, (I + 1) % N), Hi = std::max(I, (I + 1) % N);\n"
        "  std::lock_guard<std::mutex> L(Forks[Lo]);\n"
        "  std::lock_guard<std::mutex> R(Forks[Hi]);\n",
        "  std::scoped_lock L(Forks[I], Forks[(I + 1) % N]);\n",
        "  if (I == N - 1) {\n"
        "    std::lock_guard<std::mutex> R(Forks[(I + 1) % N]);\n"
        "    std::lock_guard<std::mutex> L(Forks[I]);\n"
        "    Meals[I]++;\n"
        "    return;\n"
        "  }\n"
        "  std::lock_guard<std::mutex> L(Forks[I]);\n"
        "  std::lock_guard<std::mutex> R(Forks[(I + 1) % N]);\n"}) {
    std::string Code = std::string("#include <algorithm>\n#include <mutex>\n"
                                   "#include <thread>\n#include <vector>\n"
                                   "constexpr int N = 5;\nstd::mutex Forks[N];\n"
                                   "int Meals[N];\nvoid dine(int I) {\n") +
                       Body +
                       "  Meals[I]++;\n}\nint main() {\n  std::vector<std::thread> Ts;\n"
                       "  for (int I = 0; I < N; ++I)\n    Ts.emplace_back(dine, I);\n"
                       "  for (auto &T : Ts)\n    T.join();\n}\n";
    EXPECT_THAT(lockOrder(Code), IsEmpty()) << Body;
  }
}

TEST(DeadlockTest, SilentWhenTheLockIsReleasedBeforeTheJoin) {
  EXPECT_THAT(lockOrder(R"cpp(#include <mutex>
#include <thread>
std::mutex M;
int N;
int main() {
  std::thread T([] { std::lock_guard<std::mutex> L(M); N++; });
  {
    std::lock_guard<std::mutex> L(M);
    N--;
  }
  T.join();
}
)cpp"),
              IsEmpty());
}

// --- double-lock ------------------------------------------------------------

TEST(DeadlockTest, DoubleLockDirect) {
  std::string Code = R"cpp(#include <mutex>
std::mutex M;
int N;
int main() {
  M.lock();                          // FIRST
  std::lock_guard<std::mutex> L(M);  // AGAIN
  N++;
  M.unlock();
}
)cpp";
  auto F = doubleLock(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// AGAIN"));
  EXPECT_THAT(F[0].Lines, ElementsAre(lineOf(Code, "// FIRST"), lineOf(Code, "// AGAIN")));
}

TEST(DeadlockTest, DoubleLockThroughAHelper) {
  std::string Code = R"cpp(#include <mutex>
#include <thread>
class Account {
  std::mutex M;
  long Balance = 0;
public:
  long balance() { std::lock_guard<std::mutex> L(M); return Balance; } // AGAIN
  void deposit(long X) {
    std::lock_guard<std::mutex> L(M);  // FIRST
    if (balance() + X > 1000) return;
    Balance += X;
  }
};
int main() {
  Account A;
  std::thread T([&] { A.deposit(5); });
  T.join();
}
)cpp";
  auto F = doubleLock(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// AGAIN"));
}

TEST(DeadlockTest, DoubleLockOfAPthreadMutex) {
  std::string Code = R"cpp(#include <pthread.h>
pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
int main() {
  pthread_mutex_lock(&M);
  pthread_mutex_lock(&M); // AGAIN
  pthread_mutex_unlock(&M);
}
)cpp";
  auto F = doubleLock(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// AGAIN"));
}

TEST(DeadlockTest, SilentForRecursiveMutexReLock) {
  EXPECT_THAT(doubleLock(R"cpp(#include <mutex>
std::recursive_mutex M;
int N;
void add() { std::lock_guard<std::recursive_mutex> L(M); N++; }
int main() {
  std::lock_guard<std::recursive_mutex> L(M);
  add();
}
)cpp"),
              IsEmpty());
}

TEST(DeadlockTest, SilentWhenUnlockedInBetween) {
  EXPECT_THAT(doubleLock(R"cpp(#include <mutex>
std::mutex M;
int N;
int main() {
  std::unique_lock<std::mutex> L(M);
  N++;
  L.unlock();
  M.lock();
  N++;
  M.unlock();
  L.lock();
}
)cpp"),
              IsEmpty());
}

TEST(DeadlockTest, SilentForTheSplitLockedUnlockedApi) {
  // The usual fix for the helper self-deadlock: a private helper that
  // expects the lock, and the public function that takes it.
  EXPECT_THAT(doubleLock(R"cpp(#include <mutex>
class Account {
  std::mutex M;
  long Balance = 0;
  long balanceLocked() const { return Balance; }
public:
  long balance() { std::lock_guard<std::mutex> L(M); return balanceLocked(); }
  void deposit(long X) {
    std::lock_guard<std::mutex> L(M);
    if (balanceLocked() + X <= 1000) Balance += X;
  }
};
int main() { Account A; A.deposit(1); return A.balance() > 0 ? 0 : 1; }
)cpp"),
              IsEmpty());
}

TEST(DeadlockTest, SilentForARecursivePthreadMutex) {
  EXPECT_THAT(doubleLock(R"cpp(#include <pthread.h>
pthread_mutex_t M;
int main() {
  pthread_mutexattr_t Attr;
  pthread_mutexattr_init(&Attr);
  pthread_mutexattr_settype(&Attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&M, &Attr);
  pthread_mutex_lock(&M);
  pthread_mutex_lock(&M);
  pthread_mutex_unlock(&M);
  pthread_mutex_unlock(&M);
}
)cpp"),
              IsEmpty());
}

// --- found on held-out programs and lessons -----------------------------------

TEST(DeadlockTest, DoubleLockThroughAHelperCalledInALoop) {
  std::string Code = R"cpp(#include <mutex>
#include <thread>
#include <vector>
std::mutex M;
std::vector<long> V;
long get() { std::lock_guard<std::mutex> L(M); return 1; } // AGAIN
long sum() {
  std::lock_guard<std::mutex> L(M);
  long S = 0;
  for (long X : V)
    S += X + get();
  return S;
}
int main() { std::thread A(sum), B(sum); A.join(); B.join(); }
)cpp";
  auto F = doubleLock(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// AGAIN"));
}

TEST(DeadlockTest, TheCallersHoldSurvivesAHelpersReLock) {
  // One release undoes one acquisition: after the helper's guard goes
  // away, the caller still holds M, so this is a double lock but no race.
  AnalysisRun Run = runAnalysisOnCode(R"cpp(#include <mutex>
#include <thread>
std::mutex M;
long X;
long get() { std::lock_guard<std::mutex> L(M); return X; }
void add() {
  std::lock_guard<std::mutex> L(M);
  X = get() + 1;
}
int main() { std::thread A(add), B(add); A.join(); B.join(); }
)cpp");
  ASSERT_TRUE(Run.Compiled) << Run.Errors;
  EXPECT_THAT(Run.Races, IsEmpty());
  EXPECT_THAT(Run.Others, SizeIs(1));
}

TEST(DeadlockTest, SilentForARecursiveReLockInsideAGate) {
  // Re-taking a held mutex is never a lock-order edge: with BookMutex
  // held throughout, the orders of the other mutex cannot cycle.
  EXPECT_THAT(lockOrder(R"cpp(#include <mutex>
#include <thread>
std::recursive_mutex Book;
std::mutex Ledger;
void match() {
  std::lock_guard<std::recursive_mutex> B(Book);
  std::lock_guard<std::mutex> L(Ledger);
}
void audit() {
  std::lock_guard<std::recursive_mutex> B(Book);
  std::lock_guard<std::mutex> L(Ledger);
  std::lock_guard<std::recursive_mutex> Again(Book);
}
int main() { std::thread T1(match), T2(audit); T1.join(); T2.join(); }
)cpp"),
              IsEmpty());
}

TEST(DeadlockTest, SilentForUniqueLockWithTryToLock) {
  EXPECT_THAT(lockOrder(twoThreads(R"cpp(
void crossBooks(std::mutex &First, std::mutex &Second) {
  for (;;) {
    std::unique_lock<std::mutex> X(First);
    std::unique_lock<std::mutex> Y(Second, std::try_to_lock);
    if (Y.owns_lock()) { N++; return; }
  }
}
void first() { crossBooks(A, B); }
void second() { crossBooks(B, A); }
)cpp")),
              IsEmpty());
}

TEST(DeadlockTest, RingOverAStdArrayIndexedByLocals) {
  std::string Code = R"cpp(#include <array>
#include <mutex>
#include <thread>
#include <vector>
constexpr int N = 5;
std::array<std::mutex, N> Wrenches;
void tighten(int Arm) {
  int Left = Arm;
  int Right = (Arm + 1) % N;
  std::lock_guard<std::mutex> L(Wrenches[Left]);  // LEFT
  std::lock_guard<std::mutex> R(Wrenches[Right]); // RIGHT
}
void arm(int Arm, int Bolts) { for (int B = 0; B < Bolts; ++B) tighten(Arm); }
int main() {
  std::vector<std::thread> Arms;
  for (int I = 0; I < N; ++I)
    Arms.emplace_back(arm, I, 400);
  for (auto &T : Arms)
    T.join();
}
)cpp";
  auto F = lockOrder(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_THAT(F[0].Lines, ElementsAre(lineOf(Code, "// LEFT"), lineOf(Code, "// RIGHT")));
}

/// An event hub that calls its std::function handlers; Publish is the
/// body of publish(), a handler unsubscribes itself.
std::string hub(const std::string &Publish) {
  return R"cpp(#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
class Hub {
public:
  using Handler = std::function<void(const std::string &)>;
  int subscribe(Handler H) {
    std::lock_guard<std::mutex> Lock(M);
    Handlers.emplace(NextId, std::move(H));
    return NextId++;
  }
  void unsubscribe(int Id) {
    std::lock_guard<std::mutex> Lock(M); // AGAIN
    Handlers.erase(Id);
  }
  void publish(const std::string &Event) {
)cpp" + Publish + R"cpp(
  }
private:
  std::mutex M;
  std::map<int, Handler> Handlers;
  int NextId = 0;
};
int main() {
  Hub H;
  int Once = -1;
  Once = H.subscribe([&](const std::string &) { H.unsubscribe(Once); });
  std::thread T([&] { H.publish("done"); });
  T.join();
}
)cpp";
}

TEST(DeadlockTest, DoubleLockThroughAStoredCallback) {
  std::string Code = hub("    std::lock_guard<std::mutex> Lock(M);\n"
                         "    for (auto &[Id, Fn] : Handlers)\n"
                         "      Fn(Event);");
  auto F = doubleLock(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// AGAIN"));
}

TEST(DeadlockTest, SilentForCallbacksCalledAfterTheLockIsReleased) {
  EXPECT_THAT(doubleLock(hub("    std::map<int, Handler> Copy;\n"
                             "    {\n"
                             "      std::lock_guard<std::mutex> Lock(M);\n"
                             "      Copy = Handlers;\n"
                             "    }\n"
                             "    for (auto &[Id, Fn] : Copy)\n"
                             "      Fn(Event);")),
              IsEmpty());
}

} // namespace
