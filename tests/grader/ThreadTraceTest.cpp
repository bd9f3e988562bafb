//===- ThreadTraceTest.cpp - Real programs traced, real verdicts ---------===//
//
// Builds one small program, plain and under ThreadSanitizer like a graded
// submission, whose first argument picks what its threads do, and checks
// what the tracer saw and what the concurrency criterion makes of it:
// directly, through bubblewrap, and (as root) as uid 65534 through
// setpriv. Every worker spins for a fixed amount of its own CPU time and
// the concurrent ones start together on a barrier, so each verdict is the
// same on every run, on a loaded machine too.
//
//===----------------------------------------------------------------------===//
#include "ConcurrencyRule.h"
#include "ThreadTrace.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <chrono>
#include <csignal>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace llvm;
using namespace racelab;
using ::testing::HasSubstr;

namespace {

constexpr unsigned Workers = 4;

const char *ProgramSource = R"cpp(#include <barrier>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <latch>
#include <mutex>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

// Spends Ms of this thread's CPU time, however busy the machine is.
static void spin(double Ms) {
  timespec A, B;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &A);
  do
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &B);
  while ((B.tv_sec - A.tv_sec) * 1e3 + (B.tv_nsec - A.tv_nsec) / 1e6 < Ms);
}

static void concurrent(int N) {
  std::barrier Start(N);
  std::vector<std::thread> Ts;
  for (int I = 0; I < N; ++I)
    Ts.emplace_back([&] { Start.arrive_and_wait(); spin(60); });
  for (auto &T : Ts)
    T.join();
}

static volatile sig_atomic_t Got = 0;

int main(int Argc, char **Argv) {
  const char *Mode = Argc > 1 ? Argv[1] : "concurrent";
  int N = Argc > 2 ? atoi(Argv[2]) : 4;
  if (!strcmp(Mode, "concurrent")) {
    concurrent(N);
  } else if (!strcmp(Mode, "idle")) {
    // The threads exist while main does all the work.
    std::latch Go(1);
    std::vector<std::thread> Ts;
    for (int I = 0; I < N; ++I)
      Ts.emplace_back([&] { Go.wait(); });
    spin(60.0 * N);
    Go.count_down();
    for (auto &T : Ts)
      T.join();
  } else if (!strcmp(Mode, "serial")) {
    for (int I = 0; I < N; ++I)
      std::thread([] { spin(60); }).join();
  } else if (!strcmp(Mode, "locked")) {
    // All alive at once, but one lock held for each whole job.
    std::barrier Start(N);
    std::mutex M;
    std::vector<std::thread> Ts;
    for (int I = 0; I < N; ++I)
      Ts.emplace_back([&] {
        Start.arrive_and_wait();
        std::lock_guard<std::mutex> L(M);
        spin(60);
      });
    for (auto &T : Ts)
      T.join();
  } else if (!strcmp(Mode, "fork")) {
    pid_t P = fork();
    if (P == 0) {
      concurrent(N);
      _exit(0);
    }
    int St;
    if (waitpid(P, &St, 0) != P || !WIFEXITED(St) || WEXITSTATUS(St) != 0)
      return 4;
  } else if (!strcmp(Mode, "signal")) {
    struct sigaction Sa;
    memset(&Sa, 0, sizeof(Sa));
    Sa.sa_handler = [](int) { Got = Got + 1; };
    sigaction(SIGUSR1, &Sa, nullptr);
    kill(getpid(), SIGUSR1);
    concurrent(N);
    if (Got != 1)
      return 3;
  } else if (!strcmp(Mode, "hang")) {
    printf("%d\n", (int)getpid());
    fflush(stdout);
    for (;;)
      pause();
  } else if (!strcmp(Mode, "exit")) {
    return N;
  } else if (!strcmp(Mode, "abort")) {
    abort();
  }
  return 0;
}
)cpp";

struct Traced {
  int ExitCode = -1;
  ThreadTrace Trace;
  ConcurrencyResult Result;
};

class ThreadTraceTest : public ::testing::TestWithParam<bool> {
protected:
  static std::string Dir;
  static std::string Plain, Tsan; ///< Empty: clang++-19 is missing.

  static void SetUpTestSuite() {
    SmallString<128> D;
    if (sys::fs::createUniqueDirectory("racelab-threadtrace", D))
      return;
    Dir = D.str().str();
    // Readable by uid 65534, which runs the program in the setpriv test.
    sys::fs::setPermissions(Dir, sys::fs::all_read | sys::fs::all_exe |
                                     sys::fs::owner_write);
    std::string Source = Dir + "/prog.cpp";
    std::ofstream(Source) << ProgramSource;
    auto Cxx = sys::findProgramByName("clang++-19");
    if (!Cxx)
      return;
    auto Build = [&](std::string Out, std::vector<StringRef> Flags) {
      std::vector<StringRef> Args{*Cxx, "-std=c++20", "-pthread"};
      Args.insert(Args.end(), Flags.begin(), Flags.end());
      Args.insert(Args.end(), {Source, "-o", Out});
      return sys::ExecuteAndWait(*Cxx, Args) == 0 ? Out : std::string();
    };
    Plain = Build(Dir + "/prog", {"-O1"});
    Tsan = Build(Dir + "/bank", {"-fsanitize=thread", "-g", "-O1"});
  }

  static void TearDownTestSuite() {
    if (!Dir.empty())
      sys::fs::remove_directories(Dir);
  }

  void SetUp() override {
    if (program().empty())
      GTEST_SKIP() << "clang++-19 could not build the test program";
  }

  static std::string program() { return GetParam() ? Tsan : Plain; }

  static Traced trace(std::vector<std::string> Argv, const std::string &Prog) {
    Traced T;
    std::string Report = Dir + "/report.json";
    sys::fs::remove(Report);
    T.ExitCode = runThreadTrace(Argv, Prog, Report);
    auto Read = readThreadTrace(Report);
    if (!Read) {
      ADD_FAILURE() << toString(Read.takeError());
      return T;
    }
    T.Trace = std::move(*Read);
    T.Result = assessConcurrency(T.Trace, Workers);
    return T;
  }

  static Traced run(const std::string &Mode, std::string N = "4") {
    return trace({program(), Mode, N}, program());
  }

  /// The bubblewrap sandbox the grader uses, with the test directory as
  /// /scratch.
  static std::vector<std::string> sandbox(bool AsNobody) {
    std::vector<std::string> Argv;
    if (AsNobody)
      Argv = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    std::vector<std::string> Bwrap{"bwrap", "--unshare-all", "--die-with-parent",
                                   "--ro-bind", "/usr", "/usr",
                                   "--symlink", "usr/lib", "/lib",
                                   "--symlink", "usr/lib64", "/lib64",
                                   "--symlink", "usr/bin", "/bin",
                                   "--ro-bind", Dir, "/scratch",
                                   "--proc", "/proc", "--dev", "/dev", "--"};
    Argv.insert(Argv.end(), Bwrap.begin(), Bwrap.end());
    return Argv;
  }

  static bool sandboxWorks(bool AsNobody) {
    std::vector<std::string> Argv = sandbox(AsNobody);
    Argv.push_back("/bin/true");
    auto Exe = sys::findProgramByName(Argv[0]);
    if (!Exe || !sys::findProgramByName("bwrap"))
      return false;
    std::vector<StringRef> Args(Argv.begin(), Argv.end());
    std::optional<StringRef> Quiet[] = {std::nullopt, StringRef(""),
                                        StringRef("")};
    return sys::ExecuteAndWait(*Exe, Args, std::nullopt, Quiet) == 0;
  }
};

std::string ThreadTraceTest::Dir;
std::string ThreadTraceTest::Plain;
std::string ThreadTraceTest::Tsan;

std::string basename(const std::string &Path) {
  return sys::path::filename(Path).str();
}

TEST_P(ThreadTraceTest, ConcurrentWorkersKeepConcurrency) {
  Traced T = run("concurrent");
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_TRUE(T.Trace.ProgramRan);
  EXPECT_EQ(T.Trace.ProgramProcesses, 1u);
  unsigned Mains = 0;
  for (const ThreadRecord &R : T.Trace.Threads) {
    Mains += R.Main;
    EXPECT_LE(R.Start, R.End);
    if (R.Main)
      EXPECT_EQ(R.Tid, R.Pid);
  }
  EXPECT_EQ(Mains, 1u);
  // Four workers, plus TSan's background thread under TSan.
  EXPECT_EQ(T.Trace.Threads.size(), 1 + Workers + GetParam());
  EXPECT_TRUE(T.Result.Kept) << T.Result.Feedback;
  EXPECT_EQ(T.Result.Busy, Workers);
  EXPECT_EQ(T.Result.MaxTogether, Workers);
  EXPECT_THAT(T.Result.Feedback,
              HasSubstr("4 worker threads did the work at the same time"));
}

TEST_P(ThreadTraceTest, WorkersCpuTimeIsMeasured) {
  Traced T = run("concurrent");
  unsigned Measured = 0;
  for (const ThreadRecord &R : T.Trace.Threads)
    if (!R.Main && R.CpuNanos >= 60'000'000) {
      ++Measured;
      // Spun 60 ms of its own CPU time; a little more for starting,
      // waiting on the barrier, and (under TSan) joining.
      EXPECT_LT(R.CpuNanos, 90'000'000u);
    }
  EXPECT_EQ(Measured, Workers);
}

TEST_P(ThreadTraceTest, IdleThreadsDoNotCount) {
  Traced T = run("idle");
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_FALSE(T.Result.Kept);
  EXPECT_EQ(T.Result.Busy, 0u);
  EXPECT_THAT(T.Result.Feedback,
              HasSubstr("No thread besides main did any real work: main did"));
  EXPECT_THAT(T.Result.Feedback, HasSubstr("The lab asks for 4 threads"));
}

TEST_P(ThreadTraceTest, ThreadsJoinedInTurnNeverOverlap) {
  Traced T = run("serial");
  EXPECT_FALSE(T.Result.Kept);
  EXPECT_EQ(T.Result.Busy, Workers);
  EXPECT_EQ(T.Result.MaxTogether, 1u);
  EXPECT_THAT(T.Result.Feedback, HasSubstr("but never at the same time"));
}

TEST_P(ThreadTraceTest, OneLockForTheWholeJobIsNotConcurrency) {
  Traced T = run("locked");
  EXPECT_FALSE(T.Result.Kept);
  EXPECT_EQ(T.Result.Busy, Workers);
  EXPECT_EQ(T.Result.MaxTogether, 1u);
}

TEST_P(ThreadTraceTest, ThreadsOfAForkedChildAreFollowed) {
  Traced T = run("fork");
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_EQ(T.Trace.ProgramProcesses, 2u);
  EXPECT_TRUE(T.Result.Kept) << T.Result.Feedback;
  std::set<int> Processes;
  for (const ThreadRecord &R : T.Trace.Threads)
    Processes.insert(R.Pid);
  EXPECT_EQ(Processes.size(), 2u);
}

TEST_P(ThreadTraceTest, SignalsReachTheProgram) {
  // The program returns 3 unless its SIGUSR1 handler ran exactly once.
  Traced T = run("signal");
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_TRUE(T.Result.Kept) << T.Result.Feedback;
}

TEST_P(ThreadTraceTest, ExitStatusIsForwarded) {
  EXPECT_EQ(run("exit", "7").ExitCode, 7);
  Traced Aborted = run("abort");
  EXPECT_EQ(Aborted.ExitCode, 128 + SIGABRT);
  EXPECT_FALSE(Aborted.Result.Kept);
}

TEST_P(ThreadTraceTest, OnlyTheProgramIsRecorded) {
  // sh runs the program as its child: sh's own thread is not the program.
  Traced T = trace({"/bin/sh", "-c", program() + " concurrent 4; exit 5"},
                   program());
  EXPECT_EQ(T.ExitCode, 5);
  EXPECT_EQ(T.Trace.ProgramProcesses, 1u);
  EXPECT_TRUE(T.Result.Kept) << T.Result.Feedback;
}

TEST_P(ThreadTraceTest, AProgramThatNeverRunsFailsClearly) {
  Traced T = trace({"/bin/true"}, program());
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_FALSE(T.Trace.ProgramRan);
  EXPECT_TRUE(T.Trace.Threads.empty());
  EXPECT_FALSE(T.Result.Kept);
  EXPECT_THAT(T.Result.Feedback, HasSubstr("never started"));
}

TEST_P(ThreadTraceTest, ThroughBubblewrap) {
  if (!sandboxWorks(false))
    GTEST_SKIP() << "bubblewrap cannot make a sandbox here";
  std::string Inside = "/scratch/" + basename(program());
  std::vector<std::string> Argv = sandbox(false);
  Argv.insert(Argv.end(), {Inside, "concurrent", "4"});
  Traced T = trace(Argv, program());
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_EQ(T.Trace.ProgramProcesses, 1u);
  EXPECT_TRUE(T.Result.Kept) << T.Result.Feedback;

  Argv = sandbox(false);
  Argv.insert(Argv.end(), {Inside, "locked", "4"});
  T = trace(Argv, program());
  EXPECT_FALSE(T.Result.Kept);
  EXPECT_EQ(T.Result.MaxTogether, 1u);

  Argv = sandbox(false);
  Argv.insert(Argv.end(), {Inside, "exit", "9"});
  EXPECT_EQ(trace(Argv, program()).ExitCode, 9);
}

TEST_P(ThreadTraceTest, ThroughSetprivAndBubblewrap) {
  if (geteuid() != 0)
    GTEST_SKIP() << "only root can switch to uid 65534";
  if (!sandboxWorks(true))
    GTEST_SKIP() << "setpriv and bubblewrap cannot make a sandbox here";
  std::string Inside = "/scratch/" + basename(program());
  std::vector<std::string> Argv = sandbox(true);
  Argv.insert(Argv.end(), {Inside, "fork", "4"});
  Traced T = trace(Argv, program());
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_EQ(T.Trace.ProgramProcesses, 2u);
  EXPECT_TRUE(T.Result.Kept) << T.Result.Feedback;

  Argv = sandbox(true);
  Argv.insert(Argv.end(), {Inside, "signal", "4"});
  T = trace(Argv, program());
  EXPECT_EQ(T.ExitCode, 0);
  EXPECT_TRUE(T.Result.Kept) << T.Result.Feedback;
}

/// Whether Pid is gone, or a zombie nobody reaps (the container's init
/// may not): either way it runs no more.
bool isDead(pid_t Pid) {
  std::ifstream Stat("/proc/" + std::to_string(Pid) + "/stat");
  std::string Line;
  if (!std::getline(Stat, Line))
    return true;
  size_t Paren = Line.rfind(')');
  return Paren != std::string::npos && Paren + 2 < Line.size() &&
         Line[Paren + 2] == 'Z';
}

TEST_P(ThreadTraceTest, TraceesDieWithTheTracer) {
  for (int Sig : {SIGKILL, SIGTERM}) {
    int Out[2];
    ASSERT_EQ(pipe(Out), 0);
    pid_t Tracer = fork();
    ASSERT_GE(Tracer, 0);
    if (Tracer == 0) {
      dup2(Out[1], 1);
      close(Out[0]);
      close(Out[1]);
      _exit(runThreadTrace({program(), "hang"}, program(),
                           Dir + "/unused.json"));
    }
    close(Out[1]);
    // The program prints its pid once it runs, traced.
    std::string Pid;
    char C;
    while (read(Out[0], &C, 1) == 1 && C != '\n')
      Pid += C;
    close(Out[0]);
    ASSERT_FALSE(Pid.empty());
    pid_t Program = std::stoi(Pid);
    EXPECT_FALSE(isDead(Program));
    kill(Tracer, Sig);
    int Status;
    ASSERT_EQ(waitpid(Tracer, &Status, 0), Tracer);
    EXPECT_TRUE(WIFSIGNALED(Status) && WTERMSIG(Status) == Sig);
    // The kernel kills the tracee as the tracer exits; give it the time
    // to do so, not the time to race.
    auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!isDead(Program) && std::chrono::steady_clock::now() < Deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_TRUE(isDead(Program)) << "signal " << Sig;
    if (!isDead(Program))
      kill(Program, SIGKILL);
  }
}

INSTANTIATE_TEST_SUITE_P(Builds, ThreadTraceTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &Info) {
                           return Info.param ? "Tsan" : "Plain";
                         });

TEST(ThreadTraceCommand, BadUsageIsExitStatus2) {
  EXPECT_EQ(runTraceThreadsCommand({}), 2);
  EXPECT_EQ(runTraceThreadsCommand({"--report", "r.json", "--", "true"}), 2);
  EXPECT_EQ(runTraceThreadsCommand({"--program", "p", "--report"}), 2);
  EXPECT_EQ(
      runTraceThreadsCommand({"--report", "r.json", "--program", "p", "--"}),
      2);
  EXPECT_EQ(runTraceThreadsCommand({"--bogus"}), 2);
}

TEST(ThreadTraceCommand, ACommandThatCannotRunIs127) {
  SmallString<128> Report;
  sys::fs::createTemporaryFile("threadtrace", "json", Report);
  EXPECT_EQ(runTraceThreadsCommand({"--report", Report.str().str(),
                                    "--program", "nope", "--",
                                    "/nonexistent/racelab-program"}),
            127);
  auto T = readThreadTrace(Report);
  ASSERT_TRUE(bool(T)) << toString(T.takeError());
  EXPECT_FALSE(T->ProgramRan);
  sys::fs::remove(Report);
}

TEST(ThreadTraceReport, MissingOrMalformedReportIsAnError) {
  auto Missing = readThreadTrace("/nonexistent/report.json");
  EXPECT_FALSE(bool(Missing));
  consumeError(Missing.takeError());
  SmallString<128> Path;
  sys::fs::createTemporaryFile("threadtrace", "json", Path);
  std::ofstream(Path.str().str()) << R"({"version": 1})";
  auto Bad = readThreadTrace(Path);
  ASSERT_FALSE(bool(Bad));
  EXPECT_THAT(toString(Bad.takeError()), HasSubstr("not a thread trace"));
  sys::fs::remove(Path);
}

ThreadRecord worker(int Tid, uint64_t Ms, int64_t From, int64_t To) {
  ThreadRecord R;
  R.Tid = Tid;
  R.Pid = 1;
  R.CpuNanos = Ms * 1'000'000;
  R.ActiveFirst = From;
  R.WorkFrom = From;
  R.WorkTo = To;
  R.ActiveLast = To;
  return R;
}

ThreadTrace withMain(uint64_t MainMs, std::vector<ThreadRecord> Others) {
  ThreadTrace T;
  T.ProgramRan = true;
  T.ProgramProcesses = 1;
  ThreadRecord Main = worker(1, MainMs, 0, 100);
  Main.Main = true;
  T.Threads.push_back(Main);
  T.Threads.insert(T.Threads.end(), Others.begin(), Others.end());
  return T;
}

TEST(AssessConcurrency, BackgroundThreadIsNotAWorker) {
  // TSan's background thread wakes up now and then for the whole run.
  ThreadTrace T = withMain(10, {worker(2, 50, 10, 40), worker(3, 50, 11, 41),
                                worker(4, 1, 0, 100)});
  ConcurrencyResult R = assessConcurrency(T, 2);
  EXPECT_TRUE(R.Kept) << R.Feedback;
  EXPECT_EQ(R.Busy, 2u);
  EXPECT_EQ(R.MaxTogether, 2u);
  EXPECT_THAT(R.Feedback, HasSubstr("(each used 45% of the CPU time)"));
}

TEST(AssessConcurrency, TouchingWorkIsNotTogether) {
  ThreadTrace T = withMain(5, {worker(2, 50, 10, 30), worker(3, 50, 30, 50),
                               worker(4, 50, 49, 70)});
  ConcurrencyResult R = assessConcurrency(T, 3);
  EXPECT_FALSE(R.Kept);
  EXPECT_EQ(R.MaxTogether, 1u);
}

TEST(AssessConcurrency, PartlyTogether) {
  ThreadTrace T = withMain(5, {worker(2, 50, 10, 50), worker(3, 50, 12, 52),
                               worker(4, 50, 60, 100), worker(5, 50, 61, 99)});
  ConcurrencyResult R = assessConcurrency(T, 4);
  EXPECT_FALSE(R.Kept);
  EXPECT_EQ(R.Busy, 4u);
  EXPECT_EQ(R.MaxTogether, 2u);
  EXPECT_THAT(R.Feedback, HasSubstr("but at most 2 at the same time"));
}

TEST(AssessConcurrency, MainDoesMostOfTheWork) {
  ThreadTrace T = withMain(870, {worker(2, 130, 10, 20)});
  ConcurrencyResult R = assessConcurrency(T, 4);
  EXPECT_FALSE(R.Kept);
  EXPECT_EQ(R.Busy, 1u);
  EXPECT_EQ(R.Feedback, "Only 1 thread besides main did any real work: main "
                        "did 87% of it. The lab asks for 4 threads working at "
                        "the same time.");
}

TEST(AssessConcurrency, NothingRan) {
  ConcurrencyResult R = assessConcurrency(ThreadTrace(), 4);
  EXPECT_FALSE(R.Kept);
  EXPECT_EQ(R.Busy, 0u);
  EXPECT_THAT(R.Feedback, HasSubstr("never started"));
  R = assessConcurrency(withMain(0, {}), 4);
  EXPECT_FALSE(R.Kept);
  EXPECT_THAT(R.Feedback, HasSubstr("no measurable CPU time"));
}

} // namespace
