//===- GdbStacksTest.cpp - Reading gdb's backtraces -----------------------===//
//
// The parser on transcripts of gdb against real hung TSan programs
// (tests/fixtures/gdb/recorded, made by record.sh), plus the odd frame
// lines gdb prints for templates, lambdas and code without symbols.
//
//===----------------------------------------------------------------------===//
#include "GdbStacks.h"
#include "GdbFixtures.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

GdbTranscript transcript(const std::string &Name) {
  return parseGdbTranscript(gdbFixtureText(Name + ".txt"));
}

TEST(GdbStacksTest, ThreadsOfAnAbbaDeadlock) {
  GdbTranscript T = transcript("mutex_cycle2");
  EXPECT_TRUE(T.StacksComplete);
  EXPECT_EQ(T.AttachError, "");
  ASSERT_EQ(T.Threads.size(), 4u);
  std::vector<unsigned> Numbers;
  for (const GdbThread &Th : T.Threads)
    Numbers.push_back(Th.Number);
  EXPECT_THAT(Numbers, ElementsAre(4u, 3u, 2u, 1u));

  const GdbThread &Second = T.Threads[0];
  EXPECT_EQ(Second.Lwp, 31112u);
  EXPECT_EQ(Second.Handle, 0x7f28739fd6c0u);
  EXPECT_EQ(Second.Name, "mutex_cycle2");
  ASSERT_EQ(Second.Frames.size(), 18u);
  EXPECT_FALSE(Second.MoreFrames);

  // "#3  ___pthread_mutex_lock (mutex=0x55f735d72ae8 <A>) at ...": inlined,
  // so without a pc.
  const GdbFrame &Lock = Second.Frames[3];
  EXPECT_EQ(Lock.Index, 3u);
  EXPECT_EQ(Lock.Pc, 0u);
  EXPECT_EQ(Lock.Function, "___pthread_mutex_lock");
  EXPECT_EQ(Lock.File, "./nptl/./nptl/pthread_mutex_lock.c");
  EXPECT_EQ(Lock.Line, 93u);
  ASSERT_NE(Lock.arg("mutex"), nullptr);
  EXPECT_EQ(Lock.arg("mutex")->Value, "0x55f735d72ae8 <A>");

  // "__mutex=__mutex@entry=0x...": the entry form is dropped.
  const GdbFrame &Gthread = Second.Frames[5];
  EXPECT_EQ(Gthread.Pc, 0x55f734944a4au);
  EXPECT_EQ(Gthread.Function, "__gthread_mutex_lock");
  ASSERT_NE(Gthread.arg("__mutex"), nullptr);
  EXPECT_EQ(Gthread.arg("__mutex")->Value, "0x55f735d72ae8 <A>");

  const GdbFrame &User = Second.Frames[8];
  EXPECT_EQ(User.Function, "second");
  EXPECT_TRUE(User.Args.empty());
  EXPECT_EQ(User.File, "/src/fixtures/mutex_cycle2.cpp");
  EXPECT_EQ(User.Line, 22u);

  // "#4  0x... in __interceptor_pthread_mutex_lock ()": no line, no library.
  EXPECT_EQ(Second.Frames[4].Function, "__interceptor_pthread_mutex_lock");
  EXPECT_EQ(Second.Frames[4].File, "");
  EXPECT_EQ(Second.Frames[14].Function, "??");
  EXPECT_EQ(Second.Frames[14].Library, "/lib/x86_64-linux-gnu/libstdc++.so.6");

  const GdbThread &Main = T.Threads[3];
  EXPECT_EQ(Main.Lwp, 31108u);
  ASSERT_EQ(Main.Frames.size(), 7u);
  EXPECT_EQ(Main.Frames[3].Function, "__pthread_clockjoin_ex");
  EXPECT_EQ(Main.Frames[3].arg("threadid")->Value, "139811723667136");
  EXPECT_EQ(Main.Frames[5].Function, "std::thread::join()");
  EXPECT_EQ(Main.Frames[5].Library, "/lib/x86_64-linux-gnu/libstdc++.so.6");
  EXPECT_EQ(Main.Frames[6].Line, 28u);

  // The handle of the joined thread is the pthread_t gdb printed.
  ASSERT_NE(T.findByHandle(139811723667136u), nullptr);
  EXPECT_EQ(T.findByHandle(139811723667136u)->Number, 3u);
  EXPECT_EQ(T.findByHandle(0), nullptr);
}

TEST(GdbStacksTest, EveryRecordedHangParses) {
  for (const char *Name :
       {"mutex_cycle2", "mutex_cycle3", "self_deadlock", "cv_wait", "join_futex",
        "spin_loop", "mixed_waits", "mutex_cycle2_no_libc_symbols",
        "mutex_cycle2_no_debug_info"}) {
    GdbTranscript T = transcript(Name);
    EXPECT_TRUE(T.StacksComplete) << Name;
    EXPECT_EQ(T.AttachError, "") << Name;
    ASSERT_GE(T.Threads.size(), 3u) << Name;
    for (const GdbThread &Th : T.Threads) {
      EXPECT_GT(Th.Lwp, 0u) << Name;
      ASSERT_FALSE(Th.Frames.empty()) << Name << " thread " << Th.Number;
      for (size_t I = 0; I < Th.Frames.size(); ++I)
        EXPECT_EQ(Th.Frames[I].Index, I) << Name << " thread " << Th.Number;
    }
  }
}

TEST(GdbStacksTest, WithoutLibcSymbolsOnlyTheProgramNamesTheMutex) {
  GdbTranscript T = transcript("mutex_cycle2_no_libc_symbols");
  const GdbThread &Second = T.Threads[0];
  EXPECT_EQ(Second.Frames[0].Function, "??");
  EXPECT_EQ(Second.Frames[0].Library, "/lib/x86_64-linux-gnu/libc.so.6");
  EXPECT_EQ(Second.Frames[1].Function, "pthread_mutex_lock");
  EXPECT_TRUE(Second.Frames[1].Args.empty());
  EXPECT_EQ(Second.Frames[3].arg("__mutex")->Value, "0x561dc5537ae8 <A>");
}

TEST(GdbStacksTest, WithoutDebugInfoFramesHaveNoLines) {
  GdbTranscript T = transcript("mutex_cycle2_no_debug_info");
  const GdbFrame &User = T.Threads[0].Frames[8];
  EXPECT_EQ(User.Function, "second()");
  EXPECT_EQ(User.File, "");
  EXPECT_TRUE(User.Args.empty());
}

TEST(GdbStacksTest, AttachFailuresAreRecognised) {
  GdbTranscript Denied = transcript("attach_denied");
  EXPECT_EQ(Denied.AttachError, "ptrace: Operation not permitted.");
  EXPECT_TRUE(Denied.Threads.empty());
  GdbTranscript Gone = transcript("no_process");
  EXPECT_EQ(Gone.AttachError, "ptrace: No such process.");
  EXPECT_TRUE(Gone.Threads.empty());
}

TEST(GdbStacksTest, CutShortTranscriptIsIncomplete) {
  std::string Text = gdbFixtureText("mutex_cycle2.txt");
  Text = Text.substr(0, Text.find("Thread 2 ("));
  GdbTranscript T = parseGdbTranscript(Text);
  EXPECT_FALSE(T.StacksComplete);
  EXPECT_EQ(T.Threads.size(), 2u);
  EXPECT_TRUE(parseGdbTranscript("").Threads.empty());
  EXPECT_TRUE(
      parseGdbTranscript("@@racelab-stacks@@\n#0 junk\nThread x\n").Threads.empty());
}

TEST(GdbStacksTest, FrameLinesWithTemplatesAndLambdas) {
  auto F = parseGdbFrameLine(
      "#2  0x0000555da2a123ae in std::__atomic_wait_address_bare<std::__atomic_"
      "semaphore::_M_acquire()::{lambda()#1}>(int const*, std::__atomic_semaphore::"
      "_M_acquire()::{lambda()#1}) (__addr=__addr@entry=0x555da3e41b20 <Empty>, "
      "__pred=...) at /usr/include/c++/12/bits/atomic_wait.h:446");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->Function, "std::__atomic_wait_address_bare<std::__atomic_semaphore::"
                         "_M_acquire()::{lambda()#1}>(int const*, std::__atomic_"
                         "semaphore::_M_acquire()::{lambda()#1})");
  ASSERT_EQ(F->Args.size(), 2u);
  EXPECT_EQ(F->Args[0].Name, "__addr");
  EXPECT_EQ(F->Args[0].Value, "0x555da3e41b20 <Empty>");
  EXPECT_EQ(F->Args[1].Value, "...");
  EXPECT_EQ(F->Line, 446u);

  auto Reference =
      parseGdbFrameLine("#9  0x000055f73494511c in std::__invoke_impl<void, void (*)()> "
                        "(__f=@0x720400000018: 0x55f734944890 <second()>) at "
                        "/usr/include/c++/12/bits/invoke.h:61");
  ASSERT_TRUE(Reference);
  EXPECT_EQ(Reference->Function, "std::__invoke_impl<void, void (*)()>");
  EXPECT_EQ(*gdbValueAddress(Reference->Args[0].Value), 0x720400000018u);

  EXPECT_FALSE(parseGdbFrameLine("Thread 1 (LWP 5):"));
  EXPECT_FALSE(parseGdbFrameLine("#x  foo ()"));
  EXPECT_FALSE(parseGdbFrameLine("#1  0x1234"));
}

TEST(GdbStacksTest, ValuesAndNames) {
  EXPECT_EQ(*gdbValueAddress("0x55b0 <A>"), 0x55b0u);
  EXPECT_EQ(*gdbValueAddress("__mutex@entry=0x10"), 0x10u);
  EXPECT_FALSE(gdbValueAddress("<optimized out>"));
  EXPECT_FALSE(gdbValueAddress("..."));
  EXPECT_EQ(gdbValueSymbol("0x55b0 <A>"), "A");
  EXPECT_EQ(gdbValueSymbol("0x55 <Rw+8>"), "Rw+8");
  EXPECT_EQ(gdbValueSymbol("0x55"), "");

  EXPECT_EQ(gdbBaseName("std::condition_variable::wait<f()::$_0>(std::unique_lock<"
                        "std::mutex>&, f()::$_0)"),
            "std::condition_variable::wait");
  EXPECT_EQ(gdbBaseName("std::thread::join()"), "std::thread::join");
  EXPECT_EQ(gdbBaseName("main::$_1::operator()() const"), "main::$_1::operator()");
  EXPECT_EQ(gdbBaseName("(anonymous namespace)::worker(int)"),
            "(anonymous namespace)::worker");
  EXPECT_EQ(gdbBaseName("__GI___lll_lock_wait"), "__GI___lll_lock_wait");
}

TEST(GdbStacksTest, ArgumentsAttachAndPrintBetweenMarkers) {
  std::vector<std::string> Args = gdbStackArguments(4242);
  auto Has = [&](const std::string &A) {
    return std::find(Args.begin(), Args.end(), A) != Args.end();
  };
  EXPECT_TRUE(Has("-batch"));
  EXPECT_TRUE(Has("-nx"));
  EXPECT_TRUE(Has("4242"));
  EXPECT_TRUE(Has("thread apply all bt 100"));
  // What the commands make gdb print is what the parser reads.
  std::string Echoed;
  for (const std::string &A : Args)
    if (llvm::StringRef(A).starts_with("echo "))
      Echoed += llvm::StringRef(A).drop_front(5).str();
  size_t Pos;
  while ((Pos = Echoed.find("\\n")) != std::string::npos)
    Echoed.replace(Pos, 2, "\n");
  std::string Text = Echoed;
  Text.insert(Text.find("@@\n") + 3, "Thread 1 (LWP 7):\n#0  main () at /a.cpp:3\n");
  GdbTranscript T = parseGdbTranscript(Text);
  EXPECT_TRUE(T.StacksComplete);
  ASSERT_EQ(T.Threads.size(), 1u);
  EXPECT_EQ(T.Threads[0].Frames[0].Line, 3u);
}

} // namespace
