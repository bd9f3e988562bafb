//===- HangCaptureTest.cpp - A real deadlock, captured and killed in time -===//
//
// Builds a program that deadlocks every time (ABBA, with gates TSan cannot
// see so both threads hold their first mutex before asking for the second),
// runs it under TSan with a 2 s timeout, and checks the contract: the run
// is reported as hung, both threads' stacks were captured at their lock
// lines, and the program's whole process group is gone within timeout + 2 s
// of the start, also when gdb itself hangs or is missing.
//
//===----------------------------------------------------------------------===//
#include "CommandContext.h"
#include "HangAnalysis.h"
#include "ScratchDir.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fstream>
#include <set>

using namespace racelab;
using ::testing::HasSubstr;

namespace {

constexpr double Timeout = 2;
/// The contract: the group is gone this long after the timeout.
constexpr double Grace = 2;

// Lines 14 and 21 are where the threads block.
const char *Deadlock = R"cpp(#include "racelab/interleave.h"
#include <mutex>
#include <thread>

std::mutex A, B;
racelab::HiddenGate AHeld, BHeld;

void first() {
  std::lock_guard<std::mutex> LockA(A);
  AHeld.open();
  BHeld.wait();
  // Both threads now hold their first mutex.

  std::lock_guard<std::mutex> LockB(B);
}

void second() {
  std::lock_guard<std::mutex> LockB(B);
  BHeld.open();
  AHeld.wait();
  std::lock_guard<std::mutex> LockA(A);
}

int main() {
  std::thread T1(first), T2(second);
  T1.join();
  T2.join();
}
)cpp";

/// gdb that never answers and ignores the polite signals; it also starts a
/// child of its own, which must die with it.
const char *HangingGdb = R"sh(#!/bin/sh
trap '' TERM INT HUP
sleep 1000 &
echo "$$ $!" > "$0.pids"
while :; do sleep 1; done
)sh";

/// Pid no longer runs (gone, or a zombie waiting to be reaped).
bool isGone(pid_t Pid) {
  std::ifstream Stat("/proc/" + std::to_string(Pid) + "/stat");
  std::string Line;
  if (!Stat || !std::getline(Stat, Line))
    return true;
  size_t Close = Line.rfind(')');
  return Close != std::string::npos && Close + 2 < Line.size() && Line[Close + 2] == 'Z';
}

/// kill(-Group, 0) fails with ESRCH: no process of the group is left, not
/// even a zombie.
bool groupIsGone(pid_t Group) {
  errno = 0;
  return ::kill(-Group, 0) == -1 && errno == ESRCH;
}

class HangCaptureTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto C = CommandContext::create("hang_capture_test", "", /*UseCcache=*/true);
    ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
    Ctx = C->release();
    auto Dir = ScratchDir::create("racelab-hang-test");
    ASSERT_TRUE(static_cast<bool>(Dir));
    Scratch = new ScratchDir(std::move(*Dir));
    Source = Scratch->file("deadlock.cpp");
    {
      std::error_code EC;
      llvm::raw_fd_ostream OS(Source, EC);
      ASSERT_FALSE(EC);
      OS << Deadlock;
    }
    BuildSpec Spec;
    Spec.Source = Source;
    Spec.OutputDir = Scratch->path();
    Spec.OutputName = "deadlock";
    BuildResult R = Ctx->Builder.build(Spec);
    ASSERT_TRUE(R.Ok) << R.Diagnostics;
    Binary = R.Binary;
  }
  static void TearDownTestSuite() {
    delete Scratch;
    delete Ctx;
    Scratch = nullptr;
    Ctx = nullptr;
  }

  /// Runs the deadlock with Gdb (Ctx's own when empty) and checks the
  /// bound; the hang capture.
  HangCapture runAndCheckBound(const std::string &Gdb = "") {
    Toolchain Tools = Ctx->Tools;
    if (!Gdb.empty())
      Tools.Gdb = Gdb;
    TsanRunner Runner(Tools, Ctx->Config);
    TsanRunSpec Spec;
    Spec.Binary = Binary;
    Spec.TimeoutSeconds = Timeout;
    auto Start = std::chrono::steady_clock::now();
    TsanRunResult R = Runner.run(Spec);
    double Took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    EXPECT_EQ(R.Process.Kind, ExitKind::TimedOut) << R.Process.describe();
    EXPECT_LT(Took, Timeout + Grace);
    if (!R.Hang) {
      ADD_FAILURE() << "no hang capture";
      return {};
    }
    EXPECT_GT(R.Hang->Group, 0);
    EXPECT_TRUE(groupIsGone(R.Hang->Group)) << "group " << R.Hang->Group;
    // The capture keeps to its budget (1.5 s), whatever gdb does.
    EXPECT_LT(R.Hang->Seconds, 1.9);
    // /proc is read first, whatever gdb does: main, both threads, and
    // TSan's background thread.
    EXPECT_GE(R.Hang->Proc.size(), 4u);
    return *R.Hang;
  }

  static CommandContext *Ctx;
  static ScratchDir *Scratch;
  static std::string Source, Binary;
};

CommandContext *HangCaptureTest::Ctx = nullptr;
ScratchDir *HangCaptureTest::Scratch = nullptr;
std::string HangCaptureTest::Source, HangCaptureTest::Binary;

TEST_F(HangCaptureTest, DeadlockStacksAreCapturedAndTheGroupIsKilledInTime) {
  ASSERT_FALSE(Ctx->Tools.Gdb.empty()) << "gdb is not installed";
  HangCapture C = runAndCheckBound();
  ASSERT_TRUE(C.StacksAvailable) << C.StacksProblem;
  EXPECT_EQ(C.StacksProblem, "");
  EXPECT_TRUE(C.Gdb.StacksComplete);

  HangReport R = analyzeHang(C, Ctx->Filter);
  std::set<unsigned> LockLines;
  for (const HungThread &T : R.Threads)
    if (T.Kind == WaitKind::Mutex && T.UserFrame &&
        Ctx->Filter.realPath(T.UserFrame->File) == Ctx->Filter.realPath(Source))
      LockLines.insert(T.UserFrame->Line);
  EXPECT_EQ(LockLines, (std::set<unsigned>{14, 21}));
  // The owners were read from the mutexes: the two threads wait for each
  // other.
  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_EQ(R.Cycles[0].Lwps.size(), 2u);
}

TEST_F(HangCaptureTest, HangingGdbIsStoppedAndProcStillAnswers) {
  std::string Fake = Scratch->file("hanging-gdb");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Fake, EC);
    ASSERT_FALSE(EC);
    OS << HangingGdb;
  }
  ASSERT_FALSE(llvm::sys::fs::setPermissions(Fake, llvm::sys::fs::all_read |
                                                       llvm::sys::fs::all_exe |
                                                       llvm::sys::fs::owner_write));
  HangCapture C = runAndCheckBound(Fake);
  EXPECT_FALSE(C.StacksAvailable);
  EXPECT_THAT(C.StacksProblem, HasSubstr("gdb did not finish within"));

  // The fake gdb and the child it started were killed with its group.
  std::ifstream Pids(Fake + ".pids");
  pid_t GdbPid = 0, Child = 0;
  ASSERT_TRUE(Pids >> GdbPid >> Child);
  EXPECT_TRUE(isGone(GdbPid));
  EXPECT_TRUE(isGone(Child));
  // Nothing of its group runs on: its shell's last "sleep 1" may still be
  // a zombie, which init reaps when it gets to it.
  for (const ProcThread &T : readProcThreads(GdbPid))
    EXPECT_EQ(T.State, 'Z') << "pid " << T.Pid << " of the fake gdb's group";

  // What the kernel says still tells main's join and the two threads'
  // locks, and the owners read from the mutexes close the cycle.
  HangReport R = analyzeHang(C, Ctx->Filter);
  EXPECT_FALSE(R.StacksAvailable);
  unsigned Joins = 0, Locks = 0;
  for (const HungThread &T : R.Threads) {
    Joins += T.Kind == WaitKind::Join;
    Locks += T.Kind == WaitKind::Mutex;
  }
  EXPECT_EQ(Joins, 1u);
  EXPECT_EQ(Locks, 2u);
  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_EQ(R.Cycles[0].Lwps.size(), 2u);
}

TEST_F(HangCaptureTest, MissingGdbFallsBackToProc) {
  HangCapture C = runAndCheckBound("/nonexistent/gdb");
  EXPECT_FALSE(C.StacksAvailable);
  EXPECT_THAT(C.StacksProblem, HasSubstr("cannot run gdb: /nonexistent/gdb"));
}

TEST(HangCaptureProcTest, NoGdbAtAllStillReadsProc) {
  HangCapture C = captureHang(::getpgrp(), HangCaptureOptions{"", 1});
  EXPECT_FALSE(C.StacksAvailable);
  EXPECT_THAT(C.StacksProblem, HasSubstr("no gdb to ask"));
  // This very thread is among the threads of its process group.
  bool Found = false;
  for (const ProcThread &T : C.Proc)
    Found |= T.Pid == ::getpid() && T.Tid == ::gettid() && T.State == 'R';
  EXPECT_TRUE(Found);
}

} // namespace
