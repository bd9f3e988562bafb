//===- TamperScanTest.cpp - Cheats found in source and object; honest not -===//
//
// Every cheat is a small real submission, preprocessed with clang++-19 -E
// and compiled with clang++-19 -c under exactly the grader's flags, then
// given to both scans; a cheat visible to both must be found by both. The
// honest programs use the whole of what a concurrency lab uses (mutexes,
// atomics, condition variables, latches, futures, ...) and must give no
// finding at all: a false accusation is worse than a missed trick.
//
//===----------------------------------------------------------------------===//
#include "TamperScan.h"

#include "ScratchDir.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <optional>
#include <ostream>

using namespace racelab;

namespace racelab {
// Found by gtest through ADL, so failures show findings, not bytes.
void PrintTo(const TamperFinding &F, std::ostream *OS) {
  *OS << F.Where << ": " << F.What;
}
} // namespace racelab
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

/// The grader's build of a submission (sanitizers/tsan.flags).
const char *const GraderFlags[] = {
    "-fsanitize=thread",       "-g",       "-O1",       "-fno-inline-functions",
    "-fno-omit-frame-pointer", "-pthread", "-std=c++20"};

struct Scans {
  std::vector<TamperFinding> Source;
  std::vector<TamperFinding> Object;
};

/// A finding whose What contains Text and whose Where contains Place.
::testing::Matcher<TamperFinding> finding(const std::string &Text,
                                          const std::string &Place) {
  return AllOf(Field(&TamperFinding::What, HasSubstr(Text)),
               Field(&TamperFinding::Where, HasSubstr(Place)));
}

std::string print(const std::vector<TamperFinding> &Findings) {
  std::string Out;
  for (const TamperFinding &F : Findings)
    Out += F.Where + ": " + F.What + "\n";
  return Out;
}

class TamperScanTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto Dir = ScratchDir::create("racelab-tamperscan-test");
    ASSERT_TRUE(static_cast<bool>(Dir)) << llvm::toString(Dir.takeError());
    Scratch = new ScratchDir(std::move(*Dir));
    if (auto Found = llvm::sys::findProgramByName("clang++-19"))
      Cxx = *Found;
  }
  static void TearDownTestSuite() {
    delete Scratch;
    Scratch = nullptr;
  }

  void SetUp() override {
    if (Cxx.empty())
      GTEST_SKIP() << "clang++-19 is not installed";
  }

  static bool run(std::vector<llvm::StringRef> Args) {
    std::string Error;
    int Rc =
        llvm::sys::ExecuteAndWait(Cxx, Args, std::nullopt, {}, 120, 0, &Error);
    return Rc == 0;
  }

  /// Writes Source to Name.cpp, preprocesses and compiles it like the
  /// grader, and scans both. Instrument=false leaves -fsanitize=thread out.
  static std::optional<Scans> scan(const std::string &Name,
                                   const std::string &Source,
                                   bool Instrument = true) {
    std::string Cpp = Scratch->file(Name + ".cpp");
    std::string Ii = Scratch->file(Name + ".ii");
    std::string Obj = Scratch->file(Name + ".o");
    {
      std::error_code EC;
      llvm::raw_fd_ostream Out(Cpp, EC);
      Out << Source;
    }
    std::vector<llvm::StringRef> Common{Cxx};
    for (const char *Flag : GraderFlags)
      if (Instrument || llvm::StringRef(Flag) != "-fsanitize=thread")
        Common.push_back(Flag);
    std::vector<llvm::StringRef> Pre = Common, Compile = Common;
    Pre.insert(Pre.end(), {"-E", Cpp, "-o", Ii});
    Compile.insert(Compile.end(), {"-c", Cpp, "-o", Obj});
    if (!run(Pre) || !run(Compile))
      return std::nullopt;
    auto Text = llvm::MemoryBuffer::getFile(Ii);
    if (!Text)
      return std::nullopt;
    Scans S;
    S.Source = scanPreprocessedSource((*Text)->getBuffer(), Cpp);
    auto Found = scanObjectFile(Obj);
    if (!Found) {
      ADD_FAILURE() << llvm::toString(Found.takeError());
      return std::nullopt;
    }
    S.Object = std::move(*Found);
    return S;
  }

  static ScratchDir *Scratch;
  static std::string Cxx;
};

ScratchDir *TamperScanTest::Scratch = nullptr;
std::string TamperScanTest::Cxx;

#define SCAN(Var, Name, Source)                                                \
  auto Var = scan(Name, Source);                                               \
  ASSERT_TRUE(Var.has_value()) << "clang++-19 could not build " << Name

//===----------------------------------------------------------------------===//
// Switching the sanitizer off for a function
//===----------------------------------------------------------------------===//

// The object shows a no_sanitize("thread") function as one that touches a
// global without any __tsan_read/__tsan_write call: TSan still adds
// __tsan_func_entry to it (it does so for every function that calls out),
// so that is not the sign; the missing access hooks are.
TEST_F(TamperScanTest, GnuNoSanitizeAttribute) {
  SCAN(S, "gnu", R"cpp(
int Balance;
__attribute__((no_sanitize("thread"))) void deposit(int V) { Balance += V; }
int main() { deposit(1); }
)cpp");
  EXPECT_THAT(S->Source, ElementsAre(finding("uses no_sanitize", "gnu.cpp:3")))
      << print(S->Source);
  EXPECT_THAT(S->Object, ElementsAre(finding("reads or writes Balance",
                                             "gnu.o: function deposit(int)")))
      << print(S->Object);
}

TEST_F(TamperScanTest, Cxx11NoSanitizeAttribute) {
  SCAN(S, "cxx11", R"cpp(
#include <cstdio>
int Balance;
[[clang::no_sanitize("thread")]] void deposit(int V) {
  Balance += V;
  std::printf("%d\n", V);
}
int main() { deposit(1); }
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("no_sanitize", "cxx11.cpp:4")));
  EXPECT_THAT(S->Object,
              Contains(finding("Balance", "cxx11.o: function deposit(int)")))
      << print(S->Object);
}

TEST_F(TamperScanTest, NoSanitizeThreadAttributeOnFileLocalVariable) {
  SCAN(S, "nst", R"cpp(
static int Balance;
__attribute__((__no_sanitize_thread__)) void deposit(int V) { Balance += V; }
int main() { deposit(1); return Balance; }
)cpp");
  EXPECT_THAT(S->Source,
              Contains(finding("__no_sanitize_thread__", "nst.cpp:3")));
  // The variable is reached through the section symbol; still named.
  EXPECT_THAT(S->Object,
              Contains(finding("Balance", "nst.o: function deposit(int)")))
      << print(S->Object);
}

// disable_sanitizer_instrumentation removes even __tsan_func_entry: the
// object shows a function that calls out without it.
TEST_F(TamperScanTest, DisableSanitizerInstrumentation) {
  SCAN(S, "disable", R"cpp(
#include <cstdio>
int Balance;
__attribute__((disable_sanitizer_instrumentation)) void deposit(int V) {
  Balance += V;
  std::printf("%d\n", V);
}
int main() { deposit(1); }
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("disable_sanitizer_instrumentation",
                                          "disable.cpp:4")));
  EXPECT_THAT(S->Object, Contains(finding("did not instrument",
                                          "disable.o: function deposit(int)")))
      << print(S->Object);
}

TEST_F(TamperScanTest, PragmaClangAttributePush) {
  SCAN(S, "push", R"cpp(
int Balance;
#pragma clang attribute push(__attribute__((no_sanitize("thread"))), apply_to = function)
void deposit(int V) { Balance += V; }
#pragma clang attribute pop
int main() { deposit(1); }
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("no_sanitize", "push.cpp:3")));
  EXPECT_THAT(S->Object,
              Contains(finding("Balance", "push.o: function deposit(int)")));
}

// The _Pragma sits in a macro; -E prints it as a #pragma line of its own,
// attributed to the line that used the macro.
TEST_F(TamperScanTest, PragmaOperatorInMacro) {
  SCAN(S, "pragmaop", R"cpp(
int Balance;
#define QUIET _Pragma("clang attribute push(__attribute__((no_sanitize(\"thread\"))), apply_to = function)")
QUIET
void deposit(int V) { Balance += V; }
_Pragma("clang attribute pop")
int main() { deposit(1); }
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("no_sanitize", "pragmaop.cpp:4")))
      << print(S->Source);
  EXPECT_THAT(S->Object, Contains(finding(
                             "Balance", "pragmaop.o: function deposit(int)")));
}

// Token pasting: the attribute name appears only after preprocessing.
TEST_F(TamperScanTest, PastedAttributeName) {
  SCAN(S, "paste", R"cpp(
int Balance;
#define NS(x) no_##x
#define QUIET __attribute__((NS(sanitize)("thread")))
QUIET void deposit(int V) { Balance += V; }
int main() { deposit(1); }
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("no_sanitize", "paste.cpp:5")));
  EXPECT_THAT(S->Object,
              Contains(finding("Balance", "paste.o: function deposit(int)")));
}

// A #line directive would make the attribute look like a system header's.
// The object does not care about file names.
TEST_F(TamperScanTest, LineDirectiveDoesNotHideLines) {
  SCAN(S, "line", R"cpp(
int Balance;
#line 10 "/usr/include/stdio.h"
__attribute__((no_sanitize("thread"))) void deposit(int V) { Balance += V; }
int main() { deposit(1); }
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("#line", "line.cpp:3")));
  EXPECT_THAT(S->Source, Contains(finding("no_sanitize", "line.cpp:4")))
      << print(S->Source);
  EXPECT_THAT(S->Object,
              Contains(finding("Balance", "line.o: function deposit(int)")));
}

TEST_F(TamperScanTest, NotInstrumentedAtAll) {
  auto S = scan("plain", "int main() { return 0; }\n", /*Instrument=*/false);
  ASSERT_TRUE(S.has_value());
  // Nothing in the source says so; only the object can.
  EXPECT_THAT(S->Source, IsEmpty());
  EXPECT_THAT(S->Object, ElementsAre(finding("was not compiled with "
                                             "ThreadSanitizer",
                                             "plain.o")));
}

//===----------------------------------------------------------------------===//
// The runtime's own interface
//===----------------------------------------------------------------------===//

TEST_F(TamperScanTest, DefinesDefaultOptions) {
  SCAN(S, "defopts", R"cpp(
extern "C" const char *__tsan_default_options() { return "report_bugs=0"; }
int main() {}
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("__tsan_default_options, which sets "
                                          "ThreadSanitizer's options",
                                          "defopts.cpp:2")));
  EXPECT_THAT(S->Source, Contains(finding("extern \"C\"", "defopts.cpp:2")));
  EXPECT_THAT(S->Object,
              ElementsAre(finding("defines __tsan_default_options",
                                  "defopts.o: symbol __tsan_default_options")))
      << print(S->Object);
}

TEST_F(TamperScanTest, DefinesOnReport) {
  SCAN(S, "onreport", R"cpp(
extern "C" int __tsan_on_report(void *) { return 0; }
int main() {}
)cpp");
  EXPECT_THAT(S->Source,
              Contains(finding("__tsan_on_report", "onreport.cpp:2")));
  EXPECT_THAT(S->Object, Contains(finding("defines __tsan_on_report",
                                          "symbol __tsan_on_report")));
}

TEST_F(TamperScanTest, CallsAcquireRelease) {
  SCAN(S, "acqrel", R"cpp(
#include <thread>
extern "C" void __tsan_acquire(void *);
extern "C" void __tsan_release(void *);
int Balance;
int main() {
  std::thread T([] { Balance = 1; __tsan_release(&Balance); });
  __tsan_acquire(&Balance);
  Balance = 2;
  T.join();
}
)cpp");
  EXPECT_THAT(S->Source,
              Contains(finding("uses __tsan_release", "acqrel.cpp:7")));
  EXPECT_THAT(S->Source,
              Contains(finding("uses __tsan_acquire", "acqrel.cpp:8")));
  EXPECT_THAT(S->Object, Contains(finding("synchronisation",
                                          "acqrel.o: symbol __tsan_acquire")));
  EXPECT_THAT(S->Object, Contains(finding("synchronisation",
                                          "acqrel.o: symbol __tsan_release")));
}

TEST_F(TamperScanTest, IgnoresAndAnnotations) {
  SCAN(S, "ignore", R"cpp(
extern "C" void __tsan_ignore_thread_begin();
extern "C" void AnnotateIgnoreWritesBegin(const char *, int);
extern "C" void AnnotateHappensBefore(const char *, int, void *);
int Balance;
int main() {
  __tsan_ignore_thread_begin();
  AnnotateIgnoreWritesBegin(__FILE__, __LINE__);
  AnnotateHappensBefore(__FILE__, __LINE__, &Balance);
}
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("stop checking", "ignore.cpp:7")));
  EXPECT_THAT(S->Source,
              Contains(finding("AnnotateIgnoreWritesBegin", "ignore.cpp:8")));
  EXPECT_THAT(S->Source,
              Contains(finding("AnnotateHappensBefore", "ignore.cpp:9")));
  for (const char *Name :
       {"__tsan_ignore_thread_begin", "AnnotateIgnoreWritesBegin",
        "AnnotateHappensBefore"})
    EXPECT_THAT(S->Object,
                Contains(finding(Name, std::string("symbol ") + Name)));
}

//===----------------------------------------------------------------------===//
// Escaping the process or its options
//===----------------------------------------------------------------------===//

TEST_F(TamperScanTest, ReexecutesWithNewOptions) {
  SCAN(S, "reexec", R"cpp(
#include <cstdlib>
#include <unistd.h>
int main(int argc, char **argv) {
  if (!getenv("DONE")) {
    setenv("TSAN_" "OPTIONS", "report_bugs=0", 1);
    execv(argv[0], argv);
  }
}
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("TSAN_OPTIONS", "reexec.cpp:6")));
  EXPECT_THAT(S->Source, Contains(finding("uses setenv", "reexec.cpp:6")));
  EXPECT_THAT(S->Source, Contains(finding("uses execv", "reexec.cpp:7")));
  EXPECT_THAT(S->Object, Contains(finding("uses setenv", "symbol setenv")));
  EXPECT_THAT(S->Object, Contains(finding("uses execv", "symbol execv")));
  EXPECT_THAT(S->Object,
              Contains(finding("TSAN_OPTIONS", "reexec.o: section")));
}

TEST_F(TamperScanTest, SpawnsSystemPopenPutenv) {
  SCAN(S, "spawn", R"cpp(
#include <cstdio>
#include <cstdlib>
#include <spawn.h>
#include <unistd.h>
extern char **environ;
int main(int argc, char **argv) {
  static char Opt[] = "TSAN_OPTIONS=exitcode=0";
  putenv(Opt);
  pid_t P;
  posix_spawn(&P, argv[0], nullptr, nullptr, argv, environ);
  std::system("true");
  pclose(popen("true", "r"));
  execvp(argv[0], argv);
  execve(argv[0], argv, environ);
}
)cpp");
  const std::pair<const char *, int> Uses[] = {
      {"putenv", 9}, {"posix_spawn", 11}, {"environ", 11}, {"system", 12},
      {"popen", 13}, {"execvp", 14},      {"execve", 15}};
  for (const auto &[Name, Line] : Uses) {
    EXPECT_THAT(S->Source,
                Contains(finding(std::string("uses ") + Name,
                                 "spawn.cpp:" + std::to_string(Line))))
        << Name << "\n"
        << print(S->Source);
    EXPECT_THAT(S->Object, Contains(finding(std::string("uses ") + Name,
                                            std::string("symbol ") + Name)))
        << Name;
  }
}

TEST_F(TamperScanTest, LooksFunctionsUpAtRunTime) {
  SCAN(S, "dl", R"cpp(
#include <dlfcn.h>
using Fn = void (*)(void *);
int main() {
  void *H = dlopen(nullptr, RTLD_NOW);
  Fn F = (Fn)dlsym(H, "__tsan_acquire");
  Fn G = (Fn)dlsym(RTLD_DEFAULT, "Annotate" "HappensAfter");
  int X;
  F(&X);
  G(&X);
}
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("uses dlopen", "dl.cpp:5")));
  EXPECT_THAT(S->Source, Contains(finding("uses dlsym", "dl.cpp:6")));
  EXPECT_THAT(S->Source,
              Contains(finding("naming __tsan_acquire", "dl.cpp:6")));
  EXPECT_THAT(S->Source,
              Contains(finding("naming AnnotateHappensAfter", "dl.cpp:7")));
  EXPECT_THAT(S->Object, Contains(finding("uses dlopen", "symbol dlopen")));
  EXPECT_THAT(S->Object, Contains(finding("uses dlsym", "symbol dlsym")));
  EXPECT_THAT(S->Object, Contains(finding("naming __tsan_acquire", "section")));
  EXPECT_THAT(S->Object,
              Contains(finding("naming AnnotateHappensAfter", "section")));
}

// Inline assembly is seen in the source only; the object shows its access
// to a global as one without a __tsan_write, which the test also expects.
TEST_F(TamperScanTest, SyscallAndInlineAssembly) {
  SCAN(S, "asm", R"cpp(
#include <sys/syscall.h>
#include <unistd.h>
int Balance;
int main() {
  syscall(SYS_getpid);
  __asm__ volatile("lock addl $1, %0" : "+m"(Balance));
  asm("nop");
}
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("uses syscall", "asm.cpp:6")));
  EXPECT_THAT(S->Source, Contains(finding("uses __asm__", "asm.cpp:7")));
  EXPECT_THAT(S->Source, Contains(finding("uses asm", "asm.cpp:8")));
  EXPECT_THAT(S->Object, Contains(finding("uses syscall", "symbol syscall")));
  EXPECT_THAT(S->Object, Contains(finding("Balance", "function main")));
}

TEST_F(TamperScanTest, ReplacesPthreadFunctions) {
  SCAN(S, "replace", R"cpp(
#include <pthread.h>
extern "C" int pthread_mutex_lock(pthread_mutex_t *) { return 0; }
extern "C" {
int pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *),
                   void *) { return 0; }
}
int main() {
  pthread_mutex_t M;
  pthread_mutex_lock(&M);
}
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("extern \"C\"", "replace.cpp:3")));
  EXPECT_THAT(S->Source, Contains(finding("extern \"C\"", "replace.cpp:4")));
  EXPECT_THAT(S->Object, ElementsAre(finding("defines pthread_create with C "
                                             "linkage",
                                             "symbol pthread_create"),
                                     finding("defines pthread_mutex_lock",
                                             "symbol pthread_mutex_lock")))
      << print(S->Object);
}

// Reading TSan's options or log path from the environment: only the string
// gives it away (getenv itself is honest).
TEST_F(TamperScanTest, ReadsOptionsFromEnvironment) {
  SCAN(S, "getenv", R"cpp(
#include <cstdio>
#include <cstdlib>
int main() {
  const char *A = std::getenv("TSAN_OPTIONS");
  const char *B = std::getenv("\x54SAN_OPTIONS");
  std::FILE *F = std::fopen("/proc/self/environ", "r");
  std::printf("%s %s %p\n", A, B, static_cast<void *>(F));
}
)cpp");
  EXPECT_THAT(S->Source, Contains(finding("\"TSAN_OPTIONS\"", "getenv.cpp:5")));
  EXPECT_THAT(S->Source, Contains(finding("\"TSAN_OPTIONS\"", "getenv.cpp:6")));
  EXPECT_THAT(S->Source, Contains(finding("/proc/self", "getenv.cpp:7")));
  EXPECT_THAT(S->Object, Contains(finding("\"TSAN_OPTIONS\"", "section")));
  EXPECT_THAT(S->Object, Contains(finding("/proc/self", "section")));
}

//===----------------------------------------------------------------------===//
// Honest programs
//===----------------------------------------------------------------------===//

TEST_F(TamperScanTest, HonestMutexAtomicsConditionVariable) {
  SCAN(S, "honest1", R"cpp(
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>
std::mutex M;
std::condition_variable CV;
bool Ready = false;
std::atomic<int> Count{0};
int Balance = 0;
int main() {
  std::vector<std::thread> Ts;
  for (int I = 0; I < 4; ++I)
    Ts.emplace_back([] {
      std::unique_lock<std::mutex> L(M);
      CV.wait(L, [] { return Ready; });
      ++Balance;
      Count.fetch_add(1, std::memory_order_relaxed);
      int E = Count.load();
      while (!Count.compare_exchange_weak(E, E + 1)) {
      }
      Count.compare_exchange_strong(E, 3, std::memory_order_acq_rel);
    });
  {
    std::scoped_lock L(M);
    Ready = true;
  }
  CV.notify_all();
  for (auto &T : Ts)
    T.join();
  std::printf("system %d\n", Balance);
  std::cout << Count << "\n";
}
)cpp");
  EXPECT_THAT(S->Source, IsEmpty()) << print(S->Source);
  EXPECT_THAT(S->Object, IsEmpty()) << print(S->Object);
}

TEST_F(TamperScanTest, HonestLatchBarrierFuturesTemplates) {
  SCAN(S, "honest2", R"cpp(
#include <atomic>
#include <barrier>
#include <future>
#include <iostream>
#include <latch>
#include <map>
#include <mutex>
#include <random>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>
template <typename T> struct Account {
  T Balance{};
  mutable std::shared_mutex Mu;
  T get() const {
    std::shared_lock L(Mu);
    return Balance;
  }
  void add(T V) {
    std::lock_guard L(Mu);
    Balance += V;
  }
};
volatile int Flag;
std::atomic_flag AF = ATOMIC_FLAG_INIT;
std::atomic<int> Ticket{0};
int main() {
  Account<long> A;
  std::latch Start(2);
  std::barrier Sync(2);
  std::mt19937 Rng(42);
  std::uniform_int_distribution<int> D(1, 6);
  std::vector<int> V(10);
  for (auto &X : V)
    X = D(Rng);
  {
    std::jthread T1([&] {
      Start.arrive_and_wait();
      for (int X : V)
        A.add(X);
      Sync.arrive_and_wait();
    });
    std::jthread T2([&] {
      Start.arrive_and_wait();
      A.add(1);
      Ticket.store(1, std::memory_order_release);
      Ticket.notify_one();
      Sync.arrive_and_wait();
    });
  }
  Ticket.wait(0);
  auto F = std::async(std::launch::async, [&] { return A.get(); });
  std::promise<int> P;
  std::future<int> PF = P.get_future();
  std::thread T([&] { P.set_value(7); });
  T.join();
  std::map<std::string, int> M{{"a", 1}};
  while (AF.test_and_set(std::memory_order_acquire)) {
  }
  AF.clear(std::memory_order_release);
  Flag = 1;
  std::atomic<long long> AL{0};
  AL.exchange(5);
  AL.fetch_or(1);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  std::cout << F.get() + PF.get() + M["a"] << std::endl;
}
)cpp");
  // std::latch and atomic::wait make libstdc++'s inline code call syscall
  // (futex); that is the library's, not the student's.
  EXPECT_THAT(S->Source, IsEmpty()) << print(S->Source);
  EXPECT_THAT(S->Object, IsEmpty()) << print(S->Object);
}

TEST_F(TamperScanTest, HonestEverydayCode) {
  SCAN(S, "honest3", R"cpp(
#include <algorithm>
#include <array>
#include <cassert>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <unordered_map>
int compute() { return 3; }
const int Limit = compute();
int Table[16];
int *slot(int I) { return &Table[I]; }
int &ref() { return Table[0]; }
static int helper(int X) { return X * 2; }
struct Node {
  virtual ~Node() = default;
  virtual int v() const { return 1; }
};
struct Leaf : Node {
  int v() const override { return 2; }
};
struct Bank {
  int system = 0;
  void execv() {}
};
thread_local int PerThread = 0;
std::once_flag Once;
int main(int argc, char **argv) {
  assert(argc > 0);
  errno = 0;
  static std::mutex M;
  Bank B;
  B.execv();
  B.system = 1;
  std::unique_ptr<Node> N = std::make_unique<Leaf>();
  std::shared_ptr<int> S = std::make_shared<int>(3);
  std::function<int(int)> F = helper;
  std::string Str = "hello, thread sanitizer";
  std::array<int, 4> A{4, 3, 2, 1};
  std::sort(A.begin(), A.end());
  std::unordered_map<int, std::string> U{{1, "x"}};
  std::call_once(Once, [] { Table[1] = 2; });
  std::thread T([&] {
    std::lock_guard L(M);
    ++PerThread;
    *slot(2) = F(4);
  });
  T.join();
  auto Start = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  char Buf[32];
  std::memset(Buf, 0, sizeof Buf);
  std::strncpy(Buf, argv[0], 31);
  std::printf("%d %d %d %s %zu %d\n", N->v(), *S,
              std::accumulate(A.begin(), A.end(), 0), Str.c_str(), U.size(),
              Limit + ref() + B.system +
                  (int)(std::chrono::steady_clock::now() > Start));
  return std::atoi("0");
}
)cpp");
  EXPECT_THAT(S->Source, IsEmpty()) << print(S->Source);
  EXPECT_THAT(S->Object, IsEmpty()) << print(S->Object);
}

// clang 19 keeps the original of an instrumented atomic load (dead) after
// the __tsan_atomic64_load call: a plain load of Views with no plain-access
// hook in the function. It must not read as uninstrumented code.
TEST_F(TamperScanTest, HonestAtomicLoadOnly) {
  SCAN(S, "honest5", R"cpp(
#include <atomic>
#include <cstdio>
#include <thread>
std::atomic<long> Views{0};
static std::atomic<int> Hidden{0};
long views() { return Views.load(); }
int hidden() { return Hidden.load(std::memory_order_acquire); }
void serve() {
  for (int I = 0; I < 100; ++I)
    Views.fetch_add(1);
}
int main() {
  std::thread A(serve), B(serve);
  A.join();
  B.join();
  std::printf("Views = %ld %d\n", views(), hidden());
}
)cpp");
  EXPECT_THAT(S->Source, IsEmpty()) << print(S->Source);
  EXPECT_THAT(S->Object, IsEmpty()) << print(S->Object);
}

TEST_F(TamperScanTest, HonestTrivialProgram) {
  SCAN(S, "honest4", "int main() { return 0; }\n");
  EXPECT_THAT(S->Source, IsEmpty());
  EXPECT_THAT(S->Object, IsEmpty()) << print(S->Object);
}

//===----------------------------------------------------------------------===//
// The source scan on its own: markers, context, order
//===----------------------------------------------------------------------===//

TEST(TamperScanSourceTest, SystemHeaderLinesDoNotCount) {
  const char *Text = R"(# 1 "bank.cpp"
# 1 "/usr/include/pthread.h" 1 3 4
extern int pthread_mutex_lock (void *) __attribute__ ((__nothrow__)) __asm__ ("x");
static void f() __attribute__((no_sanitize("thread")));
# 2 "bank.cpp" 2
int main() { return 0; }
)";
  EXPECT_THAT(scanPreprocessedSource(Text, "bank.cpp"), IsEmpty());
}

TEST(TamperScanSourceTest, SubmissionNamedByPathOrName) {
  const char *Text = "# 1 \"/tmp/x/bank.cpp\"\nint v; asm(\"nop\");\n";
  EXPECT_THAT(scanPreprocessedSource(Text, "bank.cpp"),
              ElementsAre(finding("uses asm", "bank.cpp:1")));
  EXPECT_THAT(scanPreprocessedSource(Text, "/tmp/x/bank.cpp"),
              ElementsAre(finding("uses asm", "bank.cpp:1")));
  EXPECT_THAT(scanPreprocessedSource(Text, "other.cpp"), IsEmpty());
}

// Names of C library functions count only where they are called or their
// address taken, not as members or variables.
TEST(TamperScanSourceTest, LibraryNamesNeedACallOrAddress) {
  const char *Text = R"(# 1 "bank.cpp"
struct Bank { int system; void popen(); } B;
Bank system(3);
void f() { B.system = 1; B.popen(); int execv = 2; (void)execv; }
auto *G = &setenv;
void g() { return std::system("true"); }
)";
  EXPECT_THAT(scanPreprocessedSource(Text, "bank.cpp"),
              ElementsAre(finding("uses setenv", "bank.cpp:4"),
                          finding("uses system", "bank.cpp:5")));
}

TEST(TamperScanSourceTest, OneFindingPerRuleAndLineInLineOrder) {
  const char *Text = R"(# 1 "bank.cpp"
__attribute__((no_sanitize("thread"))) void a(); __attribute__((no_sanitize("thread"))) void b();


# 9 "bank.cpp"
asm("nop"); [[clang::no_sanitize("thread")]] void c();
)";
  EXPECT_THAT(scanPreprocessedSource(Text, "bank.cpp"),
              ElementsAre(finding("uses no_sanitize", "bank.cpp:1"),
                          finding("uses asm", "bank.cpp:9"),
                          finding("uses no_sanitize", "bank.cpp:9")));
}

TEST(TamperScanSourceTest, HonestNamesThatLookAlike) {
  const char *Text = R"(# 1 "bank.cpp"
struct AnnotatedAccount { int no_sanitizer_needed_here; };
int AnnotateCount; const char *Msg = "run under ThreadSanitizer";
extern "C++" void keep();
)";
  EXPECT_THAT(scanPreprocessedSource(Text, "bank.cpp"), IsEmpty());
}

TEST(TamperScanObjectTest, RejectsWhatIsNotAnObjectFile) {
  auto Dir = ScratchDir::create("racelab-tamperscan-notobj");
  ASSERT_TRUE(static_cast<bool>(Dir));
  std::string Path = Dir->file("bank.o");
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    Out << "not an object\n";
  }
  auto Found = scanObjectFile(Path);
  ASSERT_FALSE(static_cast<bool>(Found));
  EXPECT_THAT(llvm::toString(Found.takeError()), HasSubstr("bank.o"));
}

} // namespace
