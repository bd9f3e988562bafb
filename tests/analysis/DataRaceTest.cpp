//===- DataRaceTest.cpp - racelab-data-race on in-memory programs ---------===//
//
// One test per construct the analysis must understand, positive (the race
// is found, at the right lines) and silent (correct code stays quiet).
// Line numbers refer to the snippet; line 1 is its first line.
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

RaceAt race(std::string Var, unsigned Write, unsigned Other) {
  RaceAt R;
  R.Variable = std::move(Var);
  R.WriteLine = Write;
  R.OtherLine = Other;
  return R;
}

/// Runs the analysis and fails the test if the code does not compile.
std::vector<RaceAt> races(const std::string &Code,
                          const analysis::AnalysisConfig &Config = {},
                          const std::string &FileName = "input.cpp") {
  AnalysisRun Run = runAnalysisOnCode(Code, Config, FileName);
  EXPECT_TRUE(Run.Compiled) << Run.Errors;
  return Run.Races;
}

// --- Spawns and joins ---------------------------------------------------------

TEST(DataRaceTest, GlobalCounterFromTwoThreads) {
  auto R = races(R"cpp(#include <thread>
int Counter;
void work() { Counter++; }
int main() {
  std::thread A(work);
  std::thread B(work);
  A.join();
  B.join();
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Counter", 3, 3)));
  EXPECT_TRUE(R[0].OtherIsWrite);
  EXPECT_NE(R[0].WriteSpawnLine, 0u);
}

TEST(DataRaceTest, ThreadAgainstMainBeforeJoin) {
  auto R = races(R"cpp(#include <thread>
int Total;
int main() {
  std::thread T([] { Total = 1; });
  int Seen = Total;
  T.join();
  return Seen;
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Total", 4, 5)));
  EXPECT_FALSE(R[0].OtherIsWrite);
  EXPECT_TRUE(R[0].OtherInMain);
  EXPECT_EQ(R[0].WriteSpawnLine, 4u);
}

TEST(DataRaceTest, SilentWhenOrderedBySpawnAndJoin) {
  EXPECT_THAT(races(R"cpp(#include <thread>
int Total;
int main() {
  Total = 5;
  std::thread T([] { Total += 1; });
  T.join();
  return Total;
}
)cpp"),
              IsEmpty());
}

TEST(DataRaceTest, SilentWithOneThreadAtATime) {
  EXPECT_THAT(races(R"cpp(#include <thread>
int Total;
void add() { Total++; }
int main() {
  std::thread A(add);
  A.join();
  std::thread B(add);
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(DataRaceTest, ThreadsInALoopRaceWithEachOther) {
  auto R = races(R"cpp(#include <thread>
#include <vector>
long Sum;
int main() {
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back([] { Sum += 1; });
  for (auto &W : Workers)
    W.join();
  return Sum;
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Sum", 7, 7)));
}

TEST(DataRaceTest, JoinedContainerOfThreadsOrdersLaterAccesses) {
  EXPECT_THAT(races(R"cpp(#include <thread>
#include <vector>
#include <mutex>
long Sum;
std::mutex M;
int main() {
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.push_back(std::thread([] { std::lock_guard<std::mutex> L(M); Sum += 1; }));
  for (auto &W : Workers)
    W.join();
  return Sum;
}
)cpp"),
              IsEmpty());
}

// --- Locks --------------------------------------------------------------------

TEST(DataRaceTest, SilentWithLockGuard) {
  EXPECT_THAT(races(R"cpp(#include <mutex>
#include <thread>
int Counter;
std::mutex M;
void work() {
  std::lock_guard<std::mutex> L(M);
  Counter++;
}
int main() {
  std::thread A(work), B(work);
  A.join();
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(DataRaceTest, DifferentMutexesDoNotProtect) {
  auto R = races(R"cpp(#include <mutex>
#include <thread>
int Counter;
std::mutex M1, M2;
int main() {
  std::thread A([] { std::lock_guard<std::mutex> L(M1); Counter++; });
  std::thread B([] { std::lock_guard<std::mutex> L(M2); Counter++; });
  A.join();
  B.join();
}
)cpp");
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].Variable, "Counter");
  EXPECT_THAT(R[0].WriteLocks, ElementsAre("M1"));
  EXPECT_THAT(R[0].OtherLocks, ElementsAre("M2"));
}

// --- Captures and arguments ---------------------------------------------------

TEST(DataRaceTest, LocalCapturedByReference) {
  auto R = races(R"cpp(#include <thread>
int main() {
  long Sum = 0;
  std::thread T([&] { for (int I = 0; I < 10; ++I) Sum += I; });
  long Peek = Sum;
  T.join();
  return Peek + Sum;
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Sum", 4, 5)));
}

TEST(DataRaceTest, SilentForCaptureByValue) {
  EXPECT_THAT(races(R"cpp(#include <thread>
int main() {
  long Sum = 0;
  std::thread T([Sum]() mutable { Sum += 1; });
  Sum = 2;
  T.join();
  return Sum;
}
)cpp"),
              IsEmpty());
}

TEST(DataRaceTest, ArgumentByStdRef) {
  auto R = races(R"cpp(#include <functional>
#include <thread>
void fill(int &Out) { Out = 42; }
int main() {
  int Result = 0;
  std::thread T(fill, std::ref(Result));
  Result = 1;
  T.join();
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Result", 3, 7)));
}

TEST(DataRaceTest, SilentForArgumentCopiedIntoTheThread) {
  EXPECT_THAT(races(R"cpp(#include <thread>
void fill(int Out) { Out = 42; }
int main() {
  int Result = 0;
  std::thread T(fill, Result);
  Result = 1;
  T.join();
}
)cpp"),
              IsEmpty());
}

TEST(DataRaceTest, PointerArgument) {
  auto R = races(R"cpp(#include <thread>
void bump(int *P) { *P += 1; }
int main() {
  int Value = 0;
  std::thread A(bump, &Value);
  std::thread B(bump, &Value);
  A.join();
  B.join();
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Value", 2, 2)));
}

TEST(DataRaceTest, MemberFunctionThreadRacesWithOwner) {
  auto R = races(R"cpp(#include <thread>
class Downloader {
public:
  void start() { Worker = std::thread(&Downloader::run, this); }
  int progress() const { return Done; }
  void wait() { Worker.join(); }
private:
  void run() { for (int I = 0; I < 4; ++I) Done += 1; }
  std::thread Worker;
  int Done = 0;
};
int main() {
  Downloader D;
  D.start();
  int P = D.progress();
  D.wait();
  return P;
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("D.Done", 8, 5)));
}

// --- Containers, slices, atomics ---------------------------------------------

TEST(DataRaceTest, PushBackIsAWriteOfTheContainer) {
  auto R = races(R"cpp(#include <thread>
#include <vector>
std::vector<int> Results;
void produce(int N) { for (int I = 0; I < N; ++I) Results.push_back(I); }
int main() {
  std::thread A(produce, 10), B(produce, 10);
  A.join();
  B.join();
  return Results.size();
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Results", 4, 4)));
}

TEST(DataRaceTest, SilentForPerThreadSlices) {
  EXPECT_THAT(races(R"cpp(#include <numeric>
#include <thread>
#include <vector>
int main() {
  const unsigned Threads = 4;
  std::vector<int> Data(1000, 1);
  std::vector<long> Partial(Threads);
  std::vector<std::thread> Workers;
  for (unsigned T = 0; T < Threads; ++T) {
    size_t Begin = T * 250, End = Begin + 250;
    Workers.emplace_back([&Data, &Partial, T, Begin, End] {
      for (size_t I = Begin; I < End; ++I)
        Partial[T] += Data[I];
    });
  }
  for (auto &W : Workers)
    W.join();
  return std::accumulate(Partial.begin(), Partial.end(), 0L);
}
)cpp"),
              IsEmpty());
}

TEST(DataRaceTest, SharedAccumulatorAcrossChunks) {
  auto R = races(R"cpp(#include <thread>
#include <vector>
long Total;
int main() {
  std::vector<int> Data(1000, 1);
  std::vector<std::thread> Workers;
  for (unsigned T = 0; T < 4; ++T)
    Workers.emplace_back([&Data, T] {
      for (size_t I = T * 250; I < T * 250 + 250; ++I)
        Total += Data[I];
    });
  for (auto &W : Workers)
    W.join();
}
)cpp");
  ASSERT_THAT(R, ElementsAre(race("Total", 10, 10)));
}

TEST(DataRaceTest, SilentForAtomics) {
  EXPECT_THAT(races(R"cpp(#include <atomic>
#include <thread>
std::atomic<int> Counter;
int main() {
  std::thread A([] { Counter++; Counter.fetch_add(2); });
  std::thread B([] { Counter.store(5); });
  int V = Counter.load();
  A.join();
  B.join();
  return V;
}
)cpp"),
              IsEmpty());
}

} // namespace
