//===- SilenceTest.cpp - Correct code the analysis must not flag ----------===//
//
// Precision first: a false alarm costs a student more than a missed race.
// Each test is a correct program built on one of the ways C++ orders or
// protects memory, next to a broken twin where that makes the point.
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

std::vector<RaceAt> races(const std::string &Code) {
  AnalysisRun Run = runAnalysisOnCode(Code);
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

TEST(SilenceTest, AtomicRef) {
  EXPECT_THAT(races(R"cpp(#include <atomic>
#include <thread>
int Plain;
void bump() { std::atomic_ref<int>(Plain).fetch_add(1); }
int main() {
  std::thread A(bump), B(bump);
  A.join();
  B.join();
  return Plain;
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, ThreadLocal) {
  EXPECT_THAT(races(R"cpp(#include <thread>
thread_local int Scratch;
void work() { for (int I = 0; I < 10; ++I) Scratch += I; }
int main() {
  std::thread A(work), B(work);
  work();
  A.join();
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, ConstAndReadOnlyData) {
  EXPECT_THAT(races(R"cpp(#include <string>
#include <thread>
#include <vector>
const int Limit = 10;
std::vector<std::string> Names = {"a", "b"};
size_t count() { size_t N = 0; for (const auto &S : Names) N += S.size(); return N + Limit; }
int main() {
  std::thread A(count), B(count);
  A.join();
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, WrittenBeforeTheThreadsStart) {
  EXPECT_THAT(races(R"cpp(#include <thread>
#include <vector>
std::vector<int> Table;
int lookup(int I) { return Table[I]; }
int main() {
  for (int I = 0; I < 100; ++I)
    Table.push_back(I * I);
  std::thread A(lookup, 3), B(lookup, 4);
  A.join();
  B.join();
  Table.clear();
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, CallOnceInitialisation) {
  EXPECT_THAT(races(R"cpp(#include <mutex>
#include <string>
#include <thread>
std::once_flag Once;
std::string Config;
void load() { Config = "port=8080"; }
size_t use() {
  std::call_once(Once, load);
  return Config.size();
}
int main() {
  std::thread A(use), B(use);
  A.join();
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, MagicStatic) {
  EXPECT_THAT(races(R"cpp(#include <thread>
#include <vector>
std::vector<int> build() { return {1, 2, 3}; }
const std::vector<int> &table() {
  static std::vector<int> T = build();
  return T;
}
int main() {
  std::thread A([] { return table().size(); }), B([] { return table().size(); });
  A.join();
  B.join();
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, StaticLocalWrittenAfterInitRaces) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
int next() {
  static int Counter = 0;
  return ++Counter;
}
int main() {
  std::thread A(next), B(next);
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{4, 4}));
}

TEST(SilenceTest, PromiseHandsOverData) {
  EXPECT_THAT(races(R"cpp(#include <future>
#include <thread>
#include <vector>
int main() {
  std::vector<int> Data;
  std::promise<void> Ready;
  std::future<void> Done = Ready.get_future();
  std::thread Producer([&] {
    Data.push_back(42);
    Ready.set_value();
  });
  Done.wait();
  int First = Data[0];
  Producer.join();
  return First;
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, PromiseSetBeforeTheWriteIsARace) {
  EXPECT_THAT(lines(races(R"cpp(#include <future>
#include <thread>
#include <vector>
int main() {
  std::vector<int> Data;
  std::promise<void> Ready;
  std::future<void> Done = Ready.get_future();
  std::thread Producer([&] {
    Ready.set_value();
    Data.push_back(42);
  });
  Done.wait();
  int First = Data.size();
  Producer.join();
  return First;
}
)cpp")),
              ElementsAre(P{10, 13}));
}

TEST(SilenceTest, PackagedTask) {
  EXPECT_THAT(races(R"cpp(#include <future>
#include <thread>
long Result;
int main() {
  std::packaged_task<void()> Task([] { Result = 99; });
  std::future<void> F = Task.get_future();
  std::thread T(std::move(Task));
  F.get();
  long R = Result;
  T.join();
  return R;
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, LatchCountDownThenWait) {
  EXPECT_THAT(races(R"cpp(#include <latch>
#include <thread>
#include <vector>
int main() {
  std::vector<long> Partial(4);
  std::latch Done(4);
  std::vector<std::thread> Workers;
  for (int T = 0; T < 4; ++T)
    Workers.emplace_back([&, T] { Partial[T] = T * 10; Done.count_down(); });
  Done.wait();
  long Sum = Partial[0] + Partial[1] + Partial[2] + Partial[3];
  for (auto &W : Workers)
    W.join();
  return Sum;
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, ReleaseAcquirePublication) {
  EXPECT_THAT(races(R"cpp(#include <atomic>
#include <string>
#include <thread>
std::string Message;
std::atomic<bool> Ready{false};
int main() {
  std::thread Writer([] {
    Message = "hello";
    Ready.store(true, std::memory_order_release);
  });
  while (!Ready.load(std::memory_order_acquire)) {}
  size_t N = Message.size();
  Writer.join();
  return N;
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, RelaxedFlagDoesNotPublish) {
  EXPECT_THAT(lines(races(R"cpp(#include <atomic>
#include <string>
#include <thread>
std::string Message;
std::atomic<bool> Ready{false};
int main() {
  std::thread Writer([] {
    Message = "hello";
    Ready.store(true, std::memory_order_relaxed);
  });
  while (!Ready.load(std::memory_order_relaxed)) {}
  size_t N = Message.size();
  Writer.join();
  return N;
}
)cpp")),
              ElementsAre(P{8, 12}));
}

TEST(SilenceTest, PlainFlagPolledWithoutAtomics) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
bool Done = false;
int main() {
  std::thread Worker([] { Done = true; });
  while (!Done) {}
  Worker.join();
}
)cpp")),
              ElementsAre(P{4, 5}));
}

TEST(SilenceTest, ChunkBoundsAsFunctionArguments) {
  EXPECT_THAT(races(R"cpp(#include <thread>
#include <vector>
void square(std::vector<double> &Out, const std::vector<double> &In, size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I)
    Out[I] = In[I] * In[I];
}
int main() {
  std::vector<double> In(1000, 2.0), Out(1000);
  std::vector<std::thread> Workers;
  size_t Chunk = In.size() / 4;
  for (size_t T = 0; T < 4; ++T)
    Workers.emplace_back(square, std::ref(Out), std::cref(In), T * Chunk, (T + 1) * Chunk);
  for (auto &W : Workers)
    W.join();
  return Out[0];
}
)cpp"),
              IsEmpty());
}

TEST(SilenceTest, WholeRangeInEveryThreadIsARace) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
#include <vector>
void scale(std::vector<double> &Out) {
  for (size_t I = 0; I < Out.size(); ++I)
    Out[I] *= 2;
}
int main() {
  std::vector<double> Data(100, 1.0);
  std::thread A(scale, std::ref(Data)), B(scale, std::ref(Data));
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{5, 5}));
}

TEST(SilenceTest, MainReadsSlicesWhileThreadsRun) {
  EXPECT_THAT(lines(races(R"cpp(#include <thread>
#include <vector>
int main() {
  std::vector<long> Partial(4);
  std::vector<std::thread> Workers;
  for (int T = 0; T < 4; ++T)
    Workers.emplace_back([&Partial, T] { Partial[T] = T; });
  long Early = Partial[0];
  for (auto &W : Workers)
    W.join();
  return Early;
}
)cpp")),
              ElementsAre(P{7, 8}));
}

TEST(SilenceTest, SharedPointerHandedToThreads) {
  EXPECT_THAT(lines(races(R"cpp(#include <memory>
#include <thread>
struct Job { int Done = 0; };
int main() {
  auto J = std::make_shared<Job>();
  std::thread A([J] { J->Done++; });
  std::thread B([J] { J->Done++; });
  A.join();
  B.join();
}
)cpp")),
              ElementsAre(P{6, 7}));
}

TEST(SilenceTest, EachThreadItsOwnHeapObject) {
  EXPECT_THAT(races(R"cpp(#include <memory>
#include <thread>
#include <vector>
struct Buffer { int Data[16]; };
void work() {
  auto B = std::make_unique<Buffer>();
  B->Data[0] = 1;
}
int main() {
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back(work);
  std::thread Extra(work);
  for (auto &W : Workers)
    W.join();
  Extra.join();
}
)cpp"),
              IsEmpty());
}

} // namespace
