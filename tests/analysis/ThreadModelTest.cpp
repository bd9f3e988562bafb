//===- ThreadModelTest.cpp - Spawns, joins and thread entries -------------===//
//
// How threads start and end: every spawn and join form the analysis knows,
// and every kind of thread entry. Each construct has a test that finds the
// race it allows and, where it orders accesses, one that stays silent.
//
//===----------------------------------------------------------------------===//
#include "AnalysisTestHelper.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using namespace racelab::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

namespace {

std::vector<RaceAt> races(const std::string &Code,
                          const analysis::AnalysisConfig &Config = {},
                          const std::string &FileName = "input.cpp") {
  AnalysisRun Run = runAnalysisOnCode(Code, Config, FileName);
  EXPECT_TRUE(Run.Compiled) << Run.Errors;
  return Run.Races;
}

/// The (write line, other line) pairs of the findings.
std::vector<std::pair<unsigned, unsigned>> lines(const std::vector<RaceAt> &R) {
  std::vector<std::pair<unsigned, unsigned>> Out;
  for (const RaceAt &X : R)
    Out.push_back({X.WriteLine, X.OtherLine});
  return Out;
}

using P = std::pair<unsigned, unsigned>;

TEST(ThreadModelTest, JThreadJoinsAtScopeEnd) {
  EXPECT_THAT(races(R"cpp(#include <thread>
int Value;
int main() {
  {
    std::jthread T([] { Value = 1; });
  }
  return Value;
}
)cpp"),
              IsEmpty());
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
int Value;
int main() {
  std::jthread T([] { Value = 1; });
  return Value;
}
)cpp")),
              ElementsAre(P{4, 5}));
}

TEST(ThreadModelTest, JThreadEntryTakingAStopToken) {
  EXPECT_THAT(lines(races(R"cpp(#include <stop_token>
#include <thread>
int Ticks;
void tick(std::stop_token Stop, int Step) {
  while (!Stop.stop_requested()) Ticks += Step;
}
int main() {
  std::jthread T(tick, 2);
  Ticks = 0;
}
)cpp")),
              ElementsAre(P{5, 9}));
}

TEST(ThreadModelTest, PthreadCreateAndJoin) {
  const char *Code = R"c(#include <pthread.h>
#include <stddef.h>
static long Hits;
static void *worker(void *Arg) {
  (void)Arg;
  Hits++;
  return NULL;
}
int main(void) {
  pthread_t T[4];
  for (int I = 0; I < 4; ++I)
    pthread_create(&T[I], NULL, worker, NULL);
  for (int I = 0; I < 4; ++I)
    pthread_join(T[I], NULL);
  return (int)Hits;
}
)c";
  EXPECT_THAT(lines(races(Code, {}, "input.c")), ElementsAre(P{6, 6}));
}

TEST(ThreadModelTest, PthreadJoinOrdersMainsRead) {
  EXPECT_THAT(races(R"c(#include <pthread.h>
#include <stddef.h>
static long Result;
static void *worker(void *Arg) { Result = (long)Arg; return NULL; }
int main(void) {
  pthread_t T;
  pthread_create(&T, NULL, worker, (void *)7);
  pthread_join(T, NULL);
  return (int)Result;
}
)c",
                    {}, "input.c"),
              IsEmpty());
}

TEST(ThreadModelTest, PthreadArgumentPointsAtSharedData) {
  EXPECT_THAT(lines(races(R"c(#include <pthread.h>
#include <stddef.h>
struct Stats { long Count; };
static void *worker(void *Arg) {
  struct Stats *S = (struct Stats *)Arg;
  S->Count++;
  return NULL;
}
int main(void) {
  struct Stats Shared = {0};
  pthread_t A, B;
  pthread_create(&A, NULL, worker, &Shared);
  pthread_create(&B, NULL, worker, &Shared);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  return (int)Shared.Count;
}
)c",
                          {}, "input.c")),
              ElementsAre(P{6, 6}));
}

TEST(ThreadModelTest, PthreadPerThreadArgumentSlots) {
  EXPECT_THAT(races(R"c(#include <pthread.h>
#include <stddef.h>
static long Results[4];
static void *worker(void *Arg) {
  int Id = *(int *)Arg;
  Results[Id] = Id * 10;
  return NULL;
}
int main(void) {
  pthread_t T[4];
  int Ids[4];
  for (int I = 0; I < 4; ++I) {
    Ids[I] = I;
    pthread_create(&T[I], NULL, worker, &Ids[I]);
  }
  for (int I = 0; I < 4; ++I)
    pthread_join(T[I], NULL);
  return (int)Results[3];
}
)c",
                    {}, "input.c"),
              IsEmpty());
}

TEST(ThreadModelTest, AsyncRunsConcurrentlyUntilGet) {
  EXPECT_THAT(lines(races(R"cpp(#include <future>
int Progress;
int compute() { Progress = 50; return 42; }
int main() {
  auto F = std::async(std::launch::async, compute);
  int Seen = Progress;
  return F.get() + Seen;
}
)cpp")),
              ElementsAre(P{3, 6}));
}

TEST(ThreadModelTest, AsyncGetOrdersLaterAccesses) {
  EXPECT_THAT(races(R"cpp(#include <future>
int Progress;
int compute() { Progress = 50; return 42; }
int main() {
  auto F = std::async(std::launch::async, compute);
  int R = F.get();
  return R + Progress;
}
)cpp"),
              IsEmpty());
}

TEST(ThreadModelTest, DeferredAsyncRunsInTheCaller) {
  EXPECT_THAT(races(R"cpp(#include <future>
int Progress;
int compute() { Progress = 50; return 42; }
int main() {
  auto F = std::async(std::launch::deferred, compute);
  Progress = 1;
  return F.get();
}
)cpp"),
              IsEmpty());
}

TEST(ThreadModelTest, DiscardedAsyncResultWaitsRightAway) {
  // The temporary future's destructor blocks: the task is over before the
  // next statement.
  EXPECT_THAT(races(R"cpp(#include <future>
int Progress;
void compute() { Progress = 50; }
int main() {
  std::async(std::launch::async, compute);
  return Progress;
}
)cpp"),
              IsEmpty());
}

TEST(ThreadModelTest, ConfiguredPoolSubmit) {
  analysis::AnalysisConfig Config;
  Config.SpawnFunctions.push_back({"Pool::submit", 0});
  Config.JoinFunctions.push_back("Pool::wait");
  const char *Code = R"cpp(#include <functional>
struct Pool {
  void submit(std::function<void()> Job);
  void wait();
};
long Done;
int main() {
  Pool P;
  for (int I = 0; I < 8; ++I)
    P.submit([] { Done++; });
  P.wait();
  return Done;
}
)cpp";
  EXPECT_THAT(lines(races(Code, Config)), ElementsAre(P{10, 10}));
  // Without the configuration the submit is an opaque call: nothing runs
  // concurrently as far as the analysis can tell.
  EXPECT_THAT(races(Code), IsEmpty());
}

TEST(ThreadModelTest, ThreadsStartedInAHelperAndJoinedInAnother) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
#include <vector>
struct Crew {
  std::vector<std::thread> Workers;
  long Count = 0;
  void start(int N) {
    for (int I = 0; I < N; ++I)
      Workers.emplace_back([this] { Count++; });
  }
  void finish() {
    for (auto &W : Workers) W.join();
  }
};
int main() {
  Crew C;
  C.start(3);
  C.finish();
  return C.Count;
}
)cpp")),
              ElementsAre(P{8, 8}));
}

TEST(ThreadModelTest, SequentialThreadsInALoopWithJoinInside) {
  EXPECT_THAT(races(R"cpp(#include <thread>
long Total;
int main() {
  for (int I = 0; I < 3; ++I) {
    std::thread T([] { Total += 1; });
    T.join();
  }
  return Total;
}
)cpp"),
              IsEmpty());
}

TEST(ThreadModelTest, DetachedThreadRacesWithEverythingAfter) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
int Status;
int main() {
  std::thread([] { Status = 1; }).detach();
  Status = 2;
}
)cpp")),
              ElementsAre(P{4, 5}));
}

TEST(ThreadModelTest, HelperStartingTheSameThreadTwice) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
int Hits;
std::thread start() { return std::thread([] { Hits++; }); }
int main() {
  std::thread A = start();
  std::thread B = start();
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{3, 3}));
}

// --- Entries ------------------------------------------------------------------

TEST(ThreadModelTest, FreeFunctionWithReferenceByStdRef) {
  EXPECT_THAT(lines(races(R"cpp(#include <functional>
#include <thread>
#include <vector>
void fill(std::vector<int> &Out, int N) { for (int I = 0; I < N; ++I) Out.push_back(I); }
int main() {
  std::vector<int> Data;
  std::thread A(fill, std::ref(Data), 5);
  std::thread B(fill, std::ref(Data), 5);
  A.join();
  B.join();
  return Data.size();
}
)cpp")),
              ElementsAre(P{4, 4}));
}

TEST(ThreadModelTest, ReferenceParameterWithoutStdRefIsACopy) {
  EXPECT_THAT(races(R"cpp(#include <thread>
#include <vector>
void fill(const std::vector<int> &In, long &Sum) {}
void sum(std::vector<int> Copy) { Copy.push_back(1); }
int main() {
  std::vector<int> Data{1, 2};
  std::thread A(sum, Data);
  std::thread B(sum, Data);
  Data.push_back(3);
  A.join();
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(ThreadModelTest, MemberFunctionWithObjectPointer) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
class Meter {
public:
  void sample() { Readings++; }
  int Readings = 0;
};
int main() {
  Meter M;
  std::thread A(&Meter::sample, &M);
  std::thread B(&Meter::sample, &M);
  A.join();
  B.join();
  return M.Readings;
}
)cpp")),
              ElementsAre(P{4, 4}));
}

TEST(ThreadModelTest, MemberFunctionWithObjectCopy) {
  EXPECT_THAT(races(R"cpp(#include <thread>
class Meter {
public:
  void sample() { Readings++; }
  int Readings = 0;
};
int main() {
  Meter M;
  std::thread A(&Meter::sample, M);
  std::thread B(&Meter::sample, M);
  A.join();
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(ThreadModelTest, FunctorEntryByStdRef) {
  EXPECT_THAT(lines(races(R"cpp(#include <functional>
#include <thread>
struct Counter {
  long N = 0;
  void operator()() { N++; }
};
int main() {
  Counter C;
  std::thread A(std::ref(C));
  std::thread B(std::ref(C));
  A.join();
  B.join();
  return C.N;
}
)cpp")),
              ElementsAre(P{5, 5}));
}

TEST(ThreadModelTest, LambdaStoredInAVariable) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
int main() {
  int Shared = 0;
  auto Work = [&Shared] { Shared += 2; };
  std::thread A(Work);
  std::thread B(Work);
  A.join();
  B.join();
  return Shared;
}
)cpp")),
              ElementsAre(P{4, 4}));
}

TEST(ThreadModelTest, RaceInsideACalleeOfTheEntry) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
#include <map>
#include <string>
std::map<std::string, int> Cache;
void remember(const std::string &K, int V) { Cache[K] = V; }
void handle(int Id) { remember("req", Id); }
int main() {
  std::thread A(handle, 1), B(handle, 2);
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{5, 5}));
}

TEST(ThreadModelTest, NestedThreads) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
int Shared;
int main() {
  std::thread Outer([] {
    std::thread Inner([] { Shared = 1; });
    Shared = 2;
    Inner.join();
  });
  Outer.join();
}
)cpp")),
              ElementsAre(P{5, 6}));
}

TEST(ThreadModelTest, RecursionDoesNotHang) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
int Depth;
void dive(int N) { if (N > 0) { Depth = N; dive(N - 1); } }
int main() {
  std::thread A(dive, 10), B(dive, 5);
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{3, 3}));
}

} // namespace
