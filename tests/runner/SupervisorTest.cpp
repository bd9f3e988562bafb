//===- SupervisorTest.cpp - Supervised processes --------------------------===//
//
// Exit codes, signals, output capture and caps, and above all that a timeout
// takes the whole process group down, grandchildren included, within a
// bounded time.
//
//===----------------------------------------------------------------------===//
#include "Supervisor.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"

#include "gtest/gtest.h"

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

using namespace racelab;

namespace {

ProcessResult shell(const std::string &Script, double Timeout = 10,
                    size_t Limit = 1 << 20) {
  ProcessSpec Spec;
  Spec.Argv = {"/bin/sh", "-c", Script};
  Spec.TimeoutSeconds = Timeout;
  Spec.OutputLimitBytes = Limit;
  return runSupervised(Spec);
}

/// True when pid no longer runs (gone, or a zombie waiting for init).
bool isGone(pid_t Pid) {
  std::ifstream Stat("/proc/" + std::to_string(Pid) + "/stat");
  if (!Stat)
    return true;
  std::string Line;
  std::getline(Stat, Line);
  size_t Close = Line.rfind(')');
  return Close != std::string::npos && Close + 2 < Line.size() &&
         Line[Close + 2] == 'Z';
}

bool becomesGone(pid_t Pid) {
  for (int I = 0; I < 100; ++I) {
    if (isGone(Pid))
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TEST(SupervisorTest, ExitCodeAndOutput) {
  ProcessResult R = shell("echo out; echo err >&2; exit 3");
  EXPECT_EQ(R.Kind, ExitKind::Exited);
  EXPECT_EQ(R.ExitCode, 3);
  EXPECT_EQ(R.Stdout, "out\n");
  EXPECT_EQ(R.Stderr, "err\n");
  EXPECT_FALSE(R.StdoutTruncated);
  EXPECT_FALSE(R.succeeded());
  EXPECT_EQ(R.describe(), "exit code 3");
}

TEST(SupervisorTest, Success) {
  ProcessResult R = shell("true");
  EXPECT_TRUE(R.succeeded());
  EXPECT_GT(R.PeakRssKb, 0);
}

TEST(SupervisorTest, DeathBySignal) {
  ProcessResult R = shell("kill -SEGV $$");
  EXPECT_EQ(R.Kind, ExitKind::Signaled);
  EXPECT_EQ(R.Signal, SIGSEGV);
  EXPECT_EQ(R.describe(), "killed by SIGSEGV");
}

TEST(SupervisorTest, SignalDispositionsAreReset) {
  // We ignore SIGPIPE in racelab; the child must not inherit that.
  std::signal(SIGPIPE, SIG_IGN);
  ProcessResult R = shell("kill -PIPE $$");
  std::signal(SIGPIPE, SIG_DFL);
  EXPECT_EQ(R.Kind, ExitKind::Signaled);
  EXPECT_EQ(R.Signal, SIGPIPE);
}

TEST(SupervisorTest, OutputCapDropsTheRestWithoutBlocking) {
  // 4 MB through a pipe with a 1000-byte cap: the program must still finish.
  ProcessResult R = shell("head -c 4000000 /dev/zero; echo done >&2", 20, 1000);
  EXPECT_TRUE(R.succeeded()) << R.describe();
  EXPECT_EQ(R.Stdout.size(), 1000u);
  EXPECT_TRUE(R.StdoutTruncated);
  EXPECT_EQ(R.Stderr, "done\n");
  EXPECT_FALSE(R.StderrTruncated);
}

TEST(SupervisorTest, StdinIsEmpty) {
  ProcessResult R = shell("cat; echo end");
  EXPECT_TRUE(R.succeeded());
  EXPECT_EQ(R.Stdout, "end\n");
}

TEST(SupervisorTest, TimeoutKillsTheWholeGroup) {
  auto Start = std::chrono::steady_clock::now();
  // The grandchild prints its pid, then both it and the child sleep.
  ProcessResult R = shell("sleep 100 & echo $!; sleep 100", 0.5);
  double Took = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
                    .count();
  EXPECT_EQ(R.Kind, ExitKind::TimedOut);
  EXPECT_LT(Took, 0.5 + 2.5);
  EXPECT_GE(R.WallSeconds, 0.5);
  pid_t Grandchild = 0;
  ASSERT_FALSE(llvm::StringRef(R.Stdout).trim().getAsInteger(10, Grandchild))
      << R.Stdout;
  EXPECT_TRUE(becomesGone(Grandchild)) << "grandchild " << Grandchild << " survived";
  EXPECT_EQ(R.describe().rfind("timed out after", 0), 0u);
}

TEST(SupervisorTest, LeftoverGrandchildrenDoNotHoldUsUp) {
  // The child exits at once; a grandchild in its group keeps the stdout pipe
  // open. We must not wait for it, and it must not outlive the run.
  auto Start = std::chrono::steady_clock::now();
  ProcessResult R = shell("sleep 100 & echo $!", 10);
  double Took = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
                    .count();
  EXPECT_TRUE(R.succeeded()) << R.describe();
  EXPECT_LT(Took, 3.0);
  pid_t Grandchild = 0;
  ASSERT_FALSE(llvm::StringRef(R.Stdout).trim().getAsInteger(10, Grandchild));
  EXPECT_TRUE(becomesGone(Grandchild));
}

TEST(SupervisorTest, BeforeKillSeesTheGroupOnTimeout) {
  ProcessSpec Spec;
  Spec.Argv = {"/bin/sh", "-c", "sleep 100"};
  Spec.TimeoutSeconds = 0.3;
  pid_t Seen = 0;
  Spec.BeforeKill = [&](pid_t Group) {
    Seen = Group;
    // The group is still alive here: that is the point of the hook.
    EXPECT_EQ(::kill(-Group, 0), 0);
  };
  ProcessResult R = runSupervised(Spec);
  EXPECT_EQ(R.Kind, ExitKind::TimedOut);
  EXPECT_GT(Seen, 0);
}

TEST(SupervisorTest, BeforeKillIsNotCalledWithoutTimeout) {
  ProcessSpec Spec;
  Spec.Argv = {"/bin/true"};
  bool Called = false;
  Spec.BeforeKill = [&](pid_t) { Called = true; };
  EXPECT_TRUE(runSupervised(Spec).succeeded());
  EXPECT_FALSE(Called);
}

TEST(SupervisorTest, MissingProgramFailsToStart) {
  ProcessSpec Spec;
  Spec.Argv = {"/nonexistent/program"};
  ProcessResult R = runSupervised(Spec);
  EXPECT_EQ(R.Kind, ExitKind::FailedToStart);
  EXPECT_NE(R.Error.find("/nonexistent/program"), std::string::npos);

  ProcessSpec Empty;
  EXPECT_EQ(runSupervised(Empty).Kind, ExitKind::FailedToStart);
}

TEST(SupervisorTest, EnvironmentAndWorkingDirectory) {
  ProcessSpec Spec;
  Spec.Argv = {"/bin/sh", "-c", "echo \"$RACELAB_X\"; pwd"};
  Spec.Env = environmentWith({"RACELAB_X=hello"});
  Spec.WorkingDir = "/";
  ProcessResult R = runSupervised(Spec);
  EXPECT_EQ(R.Stdout, "hello\n/\n");
}

TEST(SupervisorTest, EnvironmentWithDropsAndReplaces) {
  ::setenv("RACELAB_DROP_ME", "1", 1);
  ::setenv("RACELAB_REPLACE_ME", "old", 1);
  std::vector<std::string> Env =
      environmentWith({"RACELAB_REPLACE_ME=new"}, {"RACELAB_DROP_ME"});
  int Replaced = 0;
  for (const std::string &E : Env) {
    EXPECT_NE(E.rfind("RACELAB_DROP_ME=", 0), 0u);
    EXPECT_NE(E, "RACELAB_REPLACE_ME=old");
    Replaced += E == "RACELAB_REPLACE_ME=new";
  }
  EXPECT_EQ(Replaced, 1);
  ::unsetenv("RACELAB_DROP_ME");
  ::unsetenv("RACELAB_REPLACE_ME");
}

TEST(SupervisorTest, PeakMemoryIsRecorded) {
  // The shell holds a 64 MB string; the peak must show most of it.
  ProcessResult R = shell("x=$(head -c 67108864 /dev/zero | tr '\\0' a); "
                          "echo ${#x}");
  ASSERT_TRUE(R.succeeded()) << R.describe() << R.Stderr;
  EXPECT_EQ(R.Stdout, "67108864\n");
  EXPECT_GT(R.PeakRssKb, 50 * 1024);
}

} // namespace
