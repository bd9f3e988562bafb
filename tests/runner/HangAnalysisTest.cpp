//===- HangAnalysisTest.cpp - Which thread waits on what ------------------===//
//
// The analysis on captures of real hung programs (tests/fixtures/gdb): each
// thread's kind of wait, its place in the program, the lock it wants and
// who holds it, and the wait-for cycles; also what is left when the lock
// could not be read, when only /proc could be asked, and how it is printed.
//
//===----------------------------------------------------------------------===//
#include "HangAnalysis.h"
#include "GdbFixtures.h"
#include "HangPrinter.h"

#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

class HangAnalysisTest : public ::testing::Test {
protected:
  HangAnalysisTest()
      : Filter([] {
          // As racelab sets it up: the lesson support headers are library.
          std::vector<std::string> Dirs = FrameFilter::defaultLibraryDirs();
          Dirs.push_back("/src/samples/include");
          return FrameFilter(std::move(Dirs));
        }()),
        Printer(Filter), Hangs(Printer) {}

  HangReport analyze(const std::string &Name) {
    return analyzeHang(gdbFixtureCapture(Name), Filter);
  }

  std::string text(const HangReport &R) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    Hangs.printText(OS, R, 2);
    return S;
  }

  FrameFilter Filter;
  ReportPrinter Printer;
  HangPrinter Hangs;
};

const HungThread &thread(const HangReport &R, unsigned Number) {
  for (const HungThread &T : R.Threads)
    if (T.Number == Number)
      return T;
  ADD_FAILURE() << "no thread " << Number;
  static HungThread None;
  return None;
}

TEST_F(HangAnalysisTest, AbbaDeadlockIsAWaitForCycle) {
  HangReport R = analyze("mutex_cycle2");
  EXPECT_TRUE(R.StacksAvailable);
  EXPECT_EQ(R.RuntimeThreads, 1u);
  ASSERT_EQ(R.Threads.size(), 3u);

  const HungThread &First = thread(R, 3), &Second = thread(R, 4);
  EXPECT_EQ(First.Kind, WaitKind::Mutex);
  EXPECT_EQ(First.BlockedIn, "__GI___lll_lock_wait");
  EXPECT_EQ(First.Object, 0x55f735d72b10u);
  EXPECT_EQ(First.ObjectSymbol, "B");
  EXPECT_EQ(First.HolderLwp, 31112u);
  ASSERT_TRUE(First.UserFrame);
  EXPECT_EQ(First.UserFrame->File, "/src/fixtures/mutex_cycle2.cpp");
  EXPECT_EQ(First.UserFrame->Line, 15u);
  EXPECT_EQ(First.UserFrame->Function, "first");
  EXPECT_FALSE(First.UserFrameGuessed);
  EXPECT_EQ(Second.Object, 0x55f735d72ae8u);
  EXPECT_EQ(Second.HolderLwp, 31111u);
  EXPECT_EQ(Second.UserFrame->Line, 22u);

  const HungThread &Main = thread(R, 1);
  EXPECT_EQ(Main.Kind, WaitKind::Join);
  EXPECT_EQ(Main.HolderLwp, 31111u);
  EXPECT_EQ(Main.UserFrame->Line, 28u);

  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_THAT(R.Cycles[0].Lwps, ElementsAre(31111u, 31112u));
  EXPECT_EQ(Hangs.describeCycle(R, R.Cycles[0]),
            "thread 3 (LWP 31111) waits at mutex_cycle2.cpp:15 for mutex B "
            "(0x55f735d72b10) held by thread 4, which waits at "
            "mutex_cycle2.cpp:22 for mutex A (0x55f735d72ae8) held by thread 3");
  EXPECT_EQ(Hangs.summarize(R),
            "thread 1 waiting to join thread 3 at mutex_cycle2.cpp:28; thread 3 "
            "blocked locking mutex B held by thread 4 at mutex_cycle2.cpp:15; "
            "thread 4 blocked locking mutex A held by thread 3 at "
            "mutex_cycle2.cpp:22; wait-for cycle: thread 3 -> thread 4 -> thread 3");

  std::string Text = text(R);
  EXPECT_THAT(Text, HasSubstr("deadlock: the program did not finish within 2 s; "
                              "its threads wait for each other\n"));
  EXPECT_THAT(Text, HasSubstr("  thread 3 (LWP 31111) blocked locking mutex B "
                              "(0x55f735d72b10), held by thread 4 (LWP 31112)\n"
                              "      at /src/fixtures/mutex_cycle2.cpp:15 in first\n"));
  EXPECT_THAT(Text, HasSubstr("1 sanitizer runtime thread not shown"));
}

TEST_F(HangAnalysisTest, ThreeThreadRing) {
  HangReport R = analyze("mutex_cycle3");
  ASSERT_EQ(R.Cycles.size(), 1u);
  // thread 3 holds Ring[0] and wants Ring[1], held by thread 4, ...
  EXPECT_THAT(R.Cycles[0].Lwps, ElementsAre(31252u, 31253u, 31254u));
  for (unsigned N : {3u, 4u, 5u}) {
    EXPECT_EQ(thread(R, N).Kind, WaitKind::Mutex);
    EXPECT_EQ(thread(R, N).UserFrame->Line, 16u);
  }
  EXPECT_EQ(thread(R, 3).ObjectSymbol, "Ring+40");
}

TEST_F(HangAnalysisTest, ThreadWaitingForItself) {
  HangReport R = analyze("self_deadlock");
  const HungThread &T = thread(R, 3);
  EXPECT_EQ(T.Kind, WaitKind::Mutex);
  EXPECT_EQ(T.HolderLwp, T.Lwp);
  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_THAT(R.Cycles[0].Lwps, ElementsAre(T.Lwp));
  EXPECT_THAT(Hangs.describeCycle(R, R.Cycles[0]),
              HasSubstr("waits at self_deadlock.cpp:10 for mutex M ("));
  EXPECT_THAT(Hangs.describeCycle(R, R.Cycles[0]), HasSubstr("which it holds itself"));
}

TEST_F(HangAnalysisTest, OwnerUnknownWhenTheLockCannotBeRead) {
  HangCapture C = gdbFixtureCapture("mutex_cycle2");
  C.LockWords.clear();
  HangReport R = analyzeHang(C, Filter);
  const HungThread &First = thread(R, 3);
  EXPECT_EQ(First.Kind, WaitKind::Mutex);
  EXPECT_EQ(First.Object, 0x55f735d72b10u);
  EXPECT_FALSE(First.HolderLwp);
  EXPECT_EQ(First.HolderNote, "its holder is not known (the lock could not be read)");
  EXPECT_TRUE(R.Cycles.empty());
  EXPECT_THAT(text(R), HasSubstr("hang: the program did not finish within 2 s\n"));
  EXPECT_THAT(text(R), HasSubstr("blocked locking mutex B (0x55f735d72b10); its "
                                 "holder is not known (the lock could not be read)"));

  // A lock that was free when it was read (its owner just let go).
  C.LockWords[0x55f735d72b10] = {0, 0, 0, 1, 0, 0, 0};
  HangReport Released = analyzeHang(C, Filter);
  EXPECT_EQ(thread(Released, 3).HolderNote,
            "it is not held any more (it was being released)");
}

TEST_F(HangAnalysisTest, WithoutLibcSymbolsTheProgramsFramesNameTheMutex) {
  HangReport R = analyze("mutex_cycle2_no_libc_symbols");
  EXPECT_EQ(thread(R, 3).Kind, WaitKind::Mutex);
  EXPECT_EQ(thread(R, 3).ObjectSymbol, "B");
  ASSERT_EQ(R.Cycles.size(), 1u);
}

TEST_F(HangAnalysisTest, WithoutDebugInfoThePlaceIsAFunction) {
  HangReport R = analyze("mutex_cycle2_no_debug_info");
  const HungThread &First = thread(R, 3);
  EXPECT_EQ(First.Kind, WaitKind::Mutex);
  ASSERT_TRUE(First.UserFrame);
  EXPECT_TRUE(First.UserFrameGuessed);
  EXPECT_EQ(First.UserFrame->Function, "first()");
  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_THAT(text(R), HasSubstr("in first() (no line information: built without -g?)"));
}

TEST_F(HangAnalysisTest, ConditionVariableWait) {
  HangReport R = analyze("cv_wait");
  const HungThread &Consumer = thread(R, 3);
  EXPECT_EQ(Consumer.Kind, WaitKind::CondVar);
  EXPECT_EQ(Consumer.ObjectSymbol, "Cv");
  EXPECT_EQ(Consumer.Object, 0x5569bce35b50u);
  EXPECT_EQ(Consumer.CondVarMutex, 0x5569bce35b28u);
  EXPECT_FALSE(Consumer.HolderLwp);
  EXPECT_EQ(Consumer.UserFrame->Line, 13u);
  EXPECT_TRUE(Consumer.waitsForThread());
  EXPECT_EQ(thread(R, 1).Kind, WaitKind::Join);
  EXPECT_EQ(thread(R, 1).HolderLwp, Consumer.Lwp);
  // Waiting for a notification nobody sends is a hang, not a cycle.
  EXPECT_TRUE(R.Cycles.empty());
  EXPECT_THAT(text(R), HasSubstr("thread 3 (LWP 31444) waiting on condition variable "
                                 "Cv (0x5569bce35b50) with mutex 0x5569bce35b28\n"));
}

TEST_F(HangAnalysisTest, JoinOfAThreadBlockedOnAGate) {
  HangReport R = analyze("join_futex");
  const HungThread &Worker = thread(R, 3), &Main = thread(R, 1);
  EXPECT_EQ(Main.Kind, WaitKind::Join);
  EXPECT_EQ(Main.HolderLwp, Worker.Lwp);
  EXPECT_EQ(Main.BlockedIn, "__pthread_clockjoin_ex");
  EXPECT_EQ(Worker.Kind, WaitKind::Futex);
  // The gate's header is library code: the place is the lesson's line.
  EXPECT_EQ(Worker.UserFrame->File, "/src/fixtures/join_futex.cpp");
  EXPECT_EQ(Worker.UserFrame->Line, 9u);
  EXPECT_TRUE(R.Cycles.empty());
  EXPECT_EQ(Hangs.summarize(R), "thread 1 waiting to join thread 3 at join_futex.cpp:14; "
                                "thread 3 waiting on a futex at join_futex.cpp:9");
}

TEST_F(HangAnalysisTest, ReaderWriterLockSemaphoreAndSleep) {
  HangReport R = analyze("mixed_waits");
  const HungThread &Writer = thread(R, 4);
  EXPECT_EQ(Writer.Kind, WaitKind::RwLock);
  EXPECT_EQ(Writer.ObjectSymbol, "Rw");
  EXPECT_EQ(Writer.HolderNote, "held by 1 reader, which glibc does not record");
  EXPECT_EQ(Writer.UserFrame->Line, 22u);
  EXPECT_EQ(thread(R, 5).Kind, WaitKind::Semaphore);
  EXPECT_EQ(thread(R, 5).ObjectSymbol, "Empty");
  EXPECT_EQ(thread(R, 6).Kind, WaitKind::Sleep);
  EXPECT_FALSE(thread(R, 6).waitsForThread());
  EXPECT_EQ(thread(R, 3).Kind, WaitKind::Futex);
  EXPECT_EQ(thread(R, 3).UserFrame->Line, 17u);
}

TEST_F(HangAnalysisTest, SpinningThreadIsRunning) {
  HangReport R = analyze("spin_loop");
  EXPECT_EQ(thread(R, 3).Kind, WaitKind::Running);
  EXPECT_FALSE(thread(R, 3).blocked());
  EXPECT_EQ(thread(R, 3).UserFrame->Line, 9u);
}

TEST_F(HangAnalysisTest, LocksToReadAreTheMutexesWaitedOn) {
  GdbTranscript T = parseGdbTranscript(gdbFixtureText("mutex_cycle2.txt"));
  EXPECT_THAT(lockObjectsToRead(T), ElementsAre(0x55f735d72ae8u, 0x55f735d72b10u));
  GdbTranscript Cv = parseGdbTranscript(gdbFixtureText("cv_wait.txt"));
  EXPECT_TRUE(lockObjectsToRead(Cv).empty());
}

TEST_F(HangAnalysisTest, WithoutStacksProcStillFindsTheCycle) {
  // What /proc/<pid>/task/<tid>/syscall says of an ABBA deadlock: main in
  // glibc's join (a bitset wait for the joined thread's tid), both threads
  // in its lock wait (FUTEX_WAIT_PRIVATE for 2), and one spinning.
  auto Thread = [](pid_t Tid, char State, long Syscall, std::vector<uint64_t> Args) {
    ProcThread T;
    T.Pid = 100;
    T.Tid = Tid;
    T.Comm = "buggy";
    T.State = State;
    T.Syscall = Syscall;
    T.SyscallArgs = std::move(Args);
    if (State == 'S')
      T.Wchan = "futex_wait_queue";
    return T;
  };
  HangCapture C;
  C.Group = 100;
  C.StacksProblem = "gdb did not finish within 1.5 s and was stopped";
  C.Proc = {Thread(100, 'S', 202, {0x7f0000001000, 265, 102, 0, 0, 0}),
            Thread(101, 'R', -1, {}), Thread(102, 'S', 202, {0x5000, 128, 2, 0, 0, 0}),
            Thread(103, 'S', 202, {0x5028, 128, 2, 0, 0, 0}),
            Thread(104, 'S', 202, {0x6000, 128, 0, 0, 0, 0})};
  EXPECT_THAT(lockObjectsToRead(C.Proc, 100), ElementsAre(0x5000u, 0x5028u));
  EXPECT_TRUE(lockObjectsToRead(C.Proc, 99).empty());
  C.LockWords[0x5000] = {2, 0, 103, 1, 0, 0, 0};
  C.LockWords[0x5028] = {2, 0, 102, 1, 0, 0, 0};

  HangReport R = analyzeHang(C, Filter);
  EXPECT_FALSE(R.StacksAvailable);
  ASSERT_EQ(R.Threads.size(), 5u);
  EXPECT_EQ(R.Threads[0].Kind, WaitKind::Join);
  EXPECT_EQ(R.Threads[0].HolderLwp, 102u);
  EXPECT_EQ(R.Threads[1].Kind, WaitKind::Running);
  EXPECT_EQ(R.Threads[2].Kind, WaitKind::Mutex);
  EXPECT_EQ(R.Threads[2].HolderLwp, 103u);
  EXPECT_EQ(R.Threads[4].Kind, WaitKind::Futex);
  ASSERT_EQ(R.Cycles.size(), 1u);
  EXPECT_THAT(R.Cycles[0].Lwps, ElementsAre(102u, 103u));

  std::string Text = text(R);
  EXPECT_THAT(Text, HasSubstr("deadlock: the program did not finish within 2 s"));
  EXPECT_THAT(Text, HasSubstr("  stacks unavailable: gdb did not finish within 1.5 s"));
  EXPECT_THAT(Text, HasSubstr("  LWP 100 'buggy' waiting to join LWP 102 (in futex, "
                              "wchan futex_wait_queue)\n"));
  EXPECT_THAT(Text, HasSubstr("  LWP 101 'buggy' running (state R)\n"));
  EXPECT_THAT(Text, HasSubstr("  LWP 102 'buggy' blocked locking mutex 0x5000, held by "
                              "LWP 103 (in futex, wchan futex_wait_queue)\n"));
  EXPECT_THAT(Text, HasSubstr("  LWP 104 'buggy' waiting on futex 0x6000 (in futex"));
  EXPECT_THAT(Text, HasSubstr("  wait-for cycle: LWP 102 waits for mutex 0x5000 held by "
                              "LWP 103, which waits for mutex 0x5028 held by LWP 102\n"));
  EXPECT_EQ(Hangs.summarize(R),
            "stacks unavailable: gdb did not finish within 1.5 s and was stopped");

  // A word that is not a locked mutex of this program is only a futex.
  C.LockWords[0x5028] = {2, 0, 999, 1, 0, 0, 0};
  C.LockWords[0x5000] = {0, 0, 103, 1, 0, 0, 0};
  HangReport Unsure = analyzeHang(C, Filter);
  EXPECT_EQ(Unsure.Threads[2].Kind, WaitKind::Futex);
  EXPECT_EQ(Unsure.Threads[3].Kind, WaitKind::Futex);
  EXPECT_TRUE(Unsure.Cycles.empty());
}

TEST_F(HangAnalysisTest, SignatureIgnoresAddressesAndLwps) {
  HangReport A = analyze("mutex_cycle2");
  HangReport B = analyze("mutex_cycle2_no_libc_symbols");
  EXPECT_NE(A.Threads[1].Lwp, B.Threads[1].Lwp);
  EXPECT_EQ(Hangs.signature(A), Hangs.signature(B));
  EXPECT_NE(Hangs.signature(A), Hangs.signature(analyze("mutex_cycle3")));
}

} // namespace
