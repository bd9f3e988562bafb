//===- LockTest.cpp - Locks the analysis understands ----------------------===//
//
// Every lock form: RAII guards, manual lock/unlock, try_lock on the branch
// that got it, shared and exclusive modes, pthread mutexes and rwlocks,
// locks taken in helpers. A protected access stays silent; the same code
// with the lock missing on one side is a race.
//
//===----------------------------------------------------------------------===//
#include "AnalysisTestHelper.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using namespace racelab::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

std::vector<RaceAt> races(const std::string &Code, const std::string &FileName = "input.cpp") {
  AnalysisRun Run = runAnalysisOnCode(Code, {}, FileName);
  EXPECT_TRUE(Run.Compiled) << Run.Errors;
  return Run.Races;
}

std::vector<std::pair<unsigned, unsigned>> lines(const std::vector<RaceAt> &R) {
  std::vector<std::pair<unsigned, unsigned>> Out;
  for (const RaceAt &X : R)
    Out.push_back({X.WriteLine, X.OtherLine});
  return Out;
}

using P = std::pair<unsigned, unsigned>;

/// Two threads running Body (which may use mutex M and counter N).
std::string twoThreads(const std::string &Prelude, const std::string &Body) {
  return "#include <mutex>\n#include <shared_mutex>\n#include <thread>\n" + Prelude +
         "\nvoid work() {\n" + Body +
         "\n}\nint main() {\n  std::thread A(work), B(work);\n  A.join();\n"
         "  B.join();\n}\n";
}

TEST(LockTest, MutexFamilyWithLockGuard) {
  for (const char *Mutex : {"std::mutex", "std::timed_mutex", "std::recursive_mutex",
                            "std::recursive_timed_mutex"}) {
    std::string Prelude = std::string(Mutex) + " M;\nint N;";
    EXPECT_THAT(races(twoThreads(Prelude, "  std::lock_guard<" + std::string(Mutex) +
                                              "> L(M);\n  N++;")),
                IsEmpty())
        << Mutex;
  }
}

TEST(LockTest, ManualLockUnlock) {
  EXPECT_THAT(races(twoThreads("std::mutex M;\nint N;", "  M.lock();\n  N++;\n  M.unlock();")),
              IsEmpty());
  // After unlock the access is unprotected again.
  EXPECT_THAT(lines(races(twoThreads("std::mutex M;\nint N;",
                                     "  M.lock();\n  M.unlock();\n  N++;"))),
              ElementsAre(P{9, 9}));
}

TEST(LockTest, UniqueLockUnlockAndRelock) {
  EXPECT_THAT(lines(races(twoThreads("std::mutex M;\nint N, Seen;",
                                     "  std::unique_lock<std::mutex> L(M);\n"
                                     "  N++;\n"
                                     "  L.unlock();\n"
                                     "  Seen = N;\n"
                                     "  L.lock();\n"
                                     "  N++;"))),
              ElementsAre(P{8, 10}, P{10, 10}));
}

TEST(LockTest, DeferLockThenStdLock) {
  EXPECT_THAT(races(twoThreads("std::mutex A1, A2;\nint N;",
                               "  std::unique_lock<std::mutex> L1(A1, std::defer_lock);\n"
                               "  std::unique_lock<std::mutex> L2(A2, std::defer_lock);\n"
                               "  std::lock(L1, L2);\n"
                               "  N++;")),
              IsEmpty());
  // Deferred and never locked: no protection.
  EXPECT_THAT(lines(races(twoThreads("std::mutex A1;\nint N;",
                                     "  std::unique_lock<std::mutex> L1(A1, std::defer_lock);\n"
                                     "  N++;"))),
              ElementsAre(P{8, 8}));
}

TEST(LockTest, ScopedLockOnTwoMutexes) {
  EXPECT_THAT(races(twoThreads("std::mutex A1, A2;\nint N;",
                               "  std::scoped_lock L(A1, A2);\n  N++;")),
              IsEmpty());
}

TEST(LockTest, GuardScopeEndsTheProtection) {
  EXPECT_THAT(lines(races(twoThreads("std::mutex M;\nint N;",
                                     "  {\n    std::lock_guard<std::mutex> L(M);\n"
                                     "    N++;\n  }\n  N--;"))),
              ElementsAre(P{9, 11}));
}

TEST(LockTest, TryLockOnlyOnTheBranchThatGotIt) {
  EXPECT_THAT(races(twoThreads("std::mutex M;\nint N;",
                               "  if (M.try_lock()) {\n    N++;\n    M.unlock();\n  }")),
              IsEmpty());
  EXPECT_THAT(lines(races(twoThreads("std::mutex M;\nint N;",
                                     "  if (!M.try_lock()) {\n    N++;\n    return;\n  }\n"
                                     "  M.unlock();"))),
              ElementsAre(P{8, 8}));
  EXPECT_THAT(races(twoThreads("std::mutex M;\nint N;",
                               "  while (!M.try_lock()) {}\n  N++;\n  M.unlock();")),
              IsEmpty());
}

TEST(LockTest, SharedReadsExclusiveWrites) {
  std::string Prelude = "std::shared_mutex M;\nint N;\n"
                        "int read() { std::shared_lock<std::shared_mutex> L(M); return N; }\n"
                        "void write() { std::unique_lock<std::shared_mutex> L(M); N++; }";
  EXPECT_THAT(races(twoThreads(Prelude, "  write();\n  read();")), IsEmpty());
}

TEST(LockTest, WriteUnderASharedLockIsARace) {
  EXPECT_THAT(lines(races(twoThreads("std::shared_mutex M;\nint N;",
                                     "  std::shared_lock<std::shared_mutex> L(M);\n  N++;"))),
              ElementsAre(P{8, 8}));
}

TEST(LockTest, LockSharedManually) {
  std::string Prelude = "std::shared_mutex M;\nint N;\n"
                        "int read() { M.lock_shared(); int V = N; M.unlock_shared(); return V; }\n"
                        "void write() { M.lock(); N++; M.unlock(); }";
  EXPECT_THAT(races(twoThreads(Prelude, "  write();\n  read();")), IsEmpty());
}

TEST(LockTest, HelperCalledWithTheLockHeld) {
  std::string Prelude = "std::mutex M;\nint N;\n"
                        "// Callers hold M.\n"
                        "void bumpLocked() { N++; }";
  EXPECT_THAT(races(twoThreads(Prelude,
                               "  std::lock_guard<std::mutex> L(M);\n  bumpLocked();")),
              IsEmpty());
  // One caller forgets: the race is reported in the helper.
  EXPECT_THAT(lines(races("#include <mutex>\n#include <thread>\nstd::mutex M;\nint N;\n"
                          "void bumpLocked() { N++; }\n"
                          "int main() {\n"
                          "  std::thread A([] { std::lock_guard<std::mutex> L(M); bumpLocked(); });\n"
                          "  std::thread B([] { bumpLocked(); });\n"
                          "  A.join();\n  B.join();\n}\n")),
              ElementsAre(P{5, 5}));
}

TEST(LockTest, LockTakenInAHelper) {
  std::string Prelude = "std::mutex M;\nint N;\n"
                        "void enter() { M.lock(); }\n"
                        "void leave() { M.unlock(); }";
  EXPECT_THAT(races(twoThreads(Prelude, "  enter();\n  N++;\n  leave();")), IsEmpty());
}

TEST(LockTest, HelperReturningAGuard) {
  std::string Prelude = "struct Account { std::mutex M; long Balance = 0; };\n"
                        "Account Acc;\n"
                        "std::unique_lock<std::mutex> lockFor(Account &A) {\n"
                        "  return std::unique_lock<std::mutex>(A.M);\n}";
  EXPECT_THAT(races(twoThreads(Prelude, "  auto L = lockFor(Acc);\n  Acc.Balance += 10;")),
              IsEmpty());
}

TEST(LockTest, LockThroughAReferenceParameter) {
  EXPECT_THAT(races(R"cpp(#include <mutex>
#include <thread>
struct Account { std::mutex M; long Balance = 0; };
void deposit(Account &A, long V) {
  std::lock_guard<std::mutex> L(A.M);
  A.Balance += V;
}
int main() {
  Account Alice;
  std::thread T1(deposit, std::ref(Alice), 10);
  std::thread T2(deposit, std::ref(Alice), 20);
  T1.join();
  T2.join();
  return Alice.Balance;
}
)cpp"),
              IsEmpty());
}

TEST(LockTest, OneFieldLockedItsNeighbourNot) {
  EXPECT_THAT(lines(races(R"cpp(#include <mutex>
#include <thread>
struct Stats {
  std::mutex M;
  long Hits = 0;
  long Misses = 0;
};
Stats S;
void record(bool Hit) {
  if (Hit) {
    std::lock_guard<std::mutex> L(S.M);
    S.Hits++;
  } else {
    S.Misses++;
  }
}
int main() {
  std::thread A(record, true), B(record, false);
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{14, 14}));
}

TEST(LockTest, PthreadMutex) {
  EXPECT_THAT(races(R"c(#include <pthread.h>
#include <stddef.h>
static pthread_mutex_t Lock = PTHREAD_MUTEX_INITIALIZER;
static long Count;
static void *worker(void *Arg) {
  (void)Arg;
  pthread_mutex_lock(&Lock);
  Count++;
  pthread_mutex_unlock(&Lock);
  return NULL;
}
int main(void) {
  pthread_t A, B;
  pthread_create(&A, NULL, worker, NULL);
  pthread_create(&B, NULL, worker, NULL);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  return (int)Count;
}
)c",
                    "input.c"),
              IsEmpty());
}

TEST(LockTest, PthreadTrylockBranches) {
  EXPECT_THAT(races(R"c(#include <pthread.h>
#include <stddef.h>
static pthread_mutex_t Lock = PTHREAD_MUTEX_INITIALIZER;
static long Count;
static void *worker(void *Arg) {
  (void)Arg;
  if (pthread_mutex_trylock(&Lock) == 0) {
    Count++;
    pthread_mutex_unlock(&Lock);
  }
  return NULL;
}
int main(void) {
  pthread_t A, B;
  pthread_create(&A, NULL, worker, NULL);
  pthread_create(&B, NULL, worker, NULL);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  return 0;
}
)c",
                    "input.c"),
              IsEmpty());
}

TEST(LockTest, PthreadRwlockReadersAndWriter) {
  const char *Code = R"c(#include <pthread.h>
#include <stddef.h>
static pthread_rwlock_t Lock = PTHREAD_RWLOCK_INITIALIZER;
static long Value;
static void *reader(void *Arg) {
  (void)Arg;
  pthread_rwlock_rdlock(&Lock);
  long V = Value;
  pthread_rwlock_unlock(&Lock);
  return (void *)V;
}
static void *writer(void *Arg) {
  (void)Arg;
  pthread_rwlock_%s(&Lock);
  Value++;
  pthread_rwlock_unlock(&Lock);
  return NULL;
}
int main(void) {
  pthread_t R, W1, W2;
  pthread_create(&R, NULL, reader, NULL);
  pthread_create(&W1, NULL, writer, NULL);
  pthread_create(&W2, NULL, writer, NULL);
  pthread_join(R, NULL);
  pthread_join(W1, NULL);
  pthread_join(W2, NULL);
  return 0;
}
)c";
  char Buf[2048];
  snprintf(Buf, sizeof Buf, Code, "wrlock");
  EXPECT_THAT(races(Buf, "input.c"), IsEmpty());
  // A writer holding only the read lock races with the other writer.
  snprintf(Buf, sizeof Buf, Code, "rdlock");
  EXPECT_THAT(lines(races(Buf, "input.c")), ElementsAre(P{15, 8}));
}

TEST(LockTest, WrongMutex) {
  EXPECT_THAT(lines(races(R"cpp(#include <mutex>
#include <thread>
std::mutex ForQueue, ForCounter;
long Counter;
void a() { std::lock_guard<std::mutex> L(ForCounter); Counter++; }
void b() { std::lock_guard<std::mutex> L(ForQueue); Counter++; }
int main() {
  std::thread A(a), B(b);
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{5, 6}));
}

} // namespace
