//===- TsanReportParserTest.cpp - The TSan log parser on real logs --------===//
//
// The fixtures under fixtures/tsan/recorded are real logs of clang 19's TSan
// runtime (re-recorded by fixtures/tsan/record.sh); hand/ holds damaged
// variants: cut short, interleaved with program output, a second header
// inside a report, fatal runtime errors.
//
//===----------------------------------------------------------------------===//
#include "TsanReportParser.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace racelab;

namespace {

std::string fixture(const std::string &Name) {
  std::string Path = std::string(RACELAB_TEST_FIXTURES) + "/tsan/" + Name;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    ADD_FAILURE() << "cannot read fixture " << Path;
    return {};
  }
  return (*Buffer)->getBuffer().str();
}

TsanLog parseFixture(const std::string &Name) {
  return parseTsanLog(fixture(Name));
}

const TsanFrame &topFrame(const TsanStack &S) {
  static const TsanFrame None;
  return S.Frames.empty() ? None : S.Frames.front();
}

/// The first frame of S in a file ending with Suffix.
const TsanFrame *frameIn(const TsanStack &S, llvm::StringRef Suffix) {
  for (const TsanFrame &F : S.Frames)
    if (llvm::StringRef(F.File).ends_with(Suffix))
      return &F;
  return nullptr;
}

TEST(TsanFrameTest, SymbolizedFrameWithBuildId) {
  TsanFrame F;
  ASSERT_TRUE(parseTsanFrame(
      "    #2 main /src/fixtures/data_race_global.cpp:7:15 "
      "(data_race_global+0xe7807) (BuildId: c1f7bf108bd2e53114eaa2c443a62d8a)",
      F));
  EXPECT_EQ(F.Index, 2u);
  EXPECT_EQ(F.Function, "main");
  EXPECT_EQ(F.File, "/src/fixtures/data_race_global.cpp");
  EXPECT_EQ(F.Line, 7u);
  EXPECT_EQ(F.Column, 15u);
  EXPECT_EQ(F.Module, "data_race_global");
  EXPECT_EQ(F.ModuleOffset, 0xe7807u);
}

TEST(TsanFrameTest, FunctionWithSpacesAndModuleWithPlus) {
  TsanFrame F;
  ASSERT_TRUE(parseTsanFrame(
      "    #1 std::thread::_M_start_thread(std::unique_ptr<std::thread::_State, "
      "std::default_delete<std::thread::_State>>, void (*)()) <null> "
      "(libstdc++.so.6+0xd4578) (BuildId: 289ee39f)",
      F));
  EXPECT_EQ(F.Function, "std::thread::_M_start_thread(std::unique_ptr<std::thread::"
                        "_State, std::default_delete<std::thread::_State>>, void (*)())");
  EXPECT_TRUE(F.File.empty());
  EXPECT_EQ(F.Module, "libstdc++.so.6");
  EXPECT_EQ(F.ModuleOffset, 0xd4578u);
}

TEST(TsanFrameTest, NullFunctionAndLocation) {
  TsanFrame F;
  ASSERT_TRUE(parseTsanFrame("    #6 <null> <null> (libstdc++.so.6+0xd44a2)", F));
  EXPECT_TRUE(F.Function.empty());
  EXPECT_TRUE(F.File.empty());
  EXPECT_EQ(F.Line, 0u);
}

TEST(TsanFrameTest, LocationWithoutColumn) {
  TsanFrame F;
  ASSERT_TRUE(parseTsanFrame(
      "    #0 handler(int) /src/fixtures/signal_unsafe.cpp:9 (signal_unsafe+0xe77e0)",
      F));
  EXPECT_EQ(F.Function, "handler(int)");
  EXPECT_EQ(F.File, "/src/fixtures/signal_unsafe.cpp");
  EXPECT_EQ(F.Line, 9u);
  EXPECT_EQ(F.Column, 0u);
}

TEST(TsanFrameTest, NotAFrame) {
  TsanFrame F;
  EXPECT_FALSE(parseTsanFrame("  Location is stack of main thread.", F));
  EXPECT_FALSE(parseTsanFrame("#x main", F));
  EXPECT_FALSE(parseTsanFrame("", F));
}

TEST(TsanReportParserTest, DataRaceOnGlobal) {
  TsanLog Log = parseFixture("recorded/data_race_global.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  EXPECT_TRUE(Log.FatalErrors.empty());
  ASSERT_TRUE(Log.ReportedCount.has_value());
  EXPECT_EQ(*Log.ReportedCount, 1u);

  const TsanReport &R = Log.Reports[0];
  EXPECT_EQ(R.Kind, TsanReportKind::DataRace);
  EXPECT_EQ(R.KindText, "data race");
  EXPECT_FALSE(R.Truncated);
  ASSERT_EQ(R.Accesses.size(), 2u);

  const TsanAccess &Now = R.Accesses[0];
  EXPECT_TRUE(Now.IsWrite);
  EXPECT_FALSE(Now.IsPrevious);
  EXPECT_FALSE(Now.IsAtomic);
  EXPECT_EQ(Now.Size, 4u);
  EXPECT_TRUE(Now.Thread.isMain());
  EXPECT_TRUE(Now.Mutexes.empty());
  EXPECT_EQ(topFrame(Now.Stack).Function, "main");
  EXPECT_EQ(topFrame(Now.Stack).Line, 9u);

  const TsanAccess &Before = R.Accesses[1];
  EXPECT_TRUE(Before.IsPrevious);
  EXPECT_TRUE(Before.IsWrite);
  EXPECT_EQ(Before.Thread.Id, 1);
  EXPECT_EQ(topFrame(Before.Stack).Line, 7u);

  ASSERT_EQ(R.Locations.size(), 1u);
  EXPECT_EQ(R.Locations[0].Kind, TsanLocation::LocationKind::Global);
  EXPECT_EQ(R.Locations[0].GlobalName, "Counter");
  EXPECT_EQ(R.Locations[0].Size, 4u);

  ASSERT_EQ(R.Threads.size(), 1u);
  EXPECT_EQ(R.Threads[0].Id, 1);
  EXPECT_TRUE(R.Threads[0].Parent.isMain());
  const TsanFrame *Created = frameIn(R.Threads[0].Creation, "data_race_global.cpp");
  ASSERT_NE(Created, nullptr);
  EXPECT_EQ(Created->Line, 7u);
  EXPECT_EQ(R.Summary, "data race /src/fixtures/data_race_global.cpp:9:10 in main");
}

TEST(TsanReportParserTest, HeldMutexesHeapLocationAndMutexCreation) {
  TsanLog Log = parseFixture("recorded/data_race_heap_mutex.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  const TsanReport &R = Log.Reports[0];
  ASSERT_EQ(R.Accesses.size(), 2u);
  EXPECT_TRUE(R.Accesses[0].Mutexes.empty());
  const TsanAccess &Read = R.Accesses[1];
  EXPECT_FALSE(Read.IsWrite);
  EXPECT_EQ(Read.Size, 8u);
  ASSERT_EQ(Read.Mutexes.size(), 1u);
  EXPECT_EQ(Read.Mutexes[0].Id, 0u);
  EXPECT_TRUE(Read.Mutexes[0].Exclusive);
  EXPECT_EQ(topFrame(Read.Stack).Function, "audit(Account*)");

  ASSERT_EQ(R.Locations.size(), 1u);
  const TsanLocation &L = R.Locations[0];
  EXPECT_EQ(L.Kind, TsanLocation::LocationKind::Heap);
  EXPECT_EQ(L.Size, 8u);
  EXPECT_TRUE(L.Thread.isMain());
  const TsanFrame *Alloc = frameIn(L.Stack, "data_race_heap_mutex.cpp");
  ASSERT_NE(Alloc, nullptr);
  EXPECT_EQ(Alloc->Line, 14u);

  const TsanMutex *M = R.findMutex(0);
  ASSERT_NE(M, nullptr);
  const TsanFrame *Made = frameIn(M->Creation, "data_race_heap_mutex.cpp");
  ASSERT_NE(Made, nullptr);
  EXPECT_EQ(Made->Function, "audit(Account*)");
}

TEST(TsanReportParserTest, StackLocationAndNamedThreads) {
  TsanLog Log = parseFixture("recorded/data_race_stack.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  const TsanReport &R = Log.Reports[0];
  ASSERT_GE(R.Locations.size(), 1u);
  EXPECT_EQ(R.Locations[0].Kind, TsanLocation::LocationKind::Stack);
  EXPECT_TRUE(R.Locations[0].Thread.isMain());
  ASSERT_EQ(R.Threads.size(), 2u);
  const TsanThread *Writer = R.findThread(1);
  ASSERT_NE(Writer, nullptr);
  EXPECT_EQ(Writer->Name, "writer");
  EXPECT_FALSE(Writer->Running);
  EXPECT_TRUE(R.findThread(2)->Running);
}

TEST(TsanReportParserTest, AtomicPreviousAccess) {
  TsanLog Log = parseFixture("recorded/atomic_race.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  ASSERT_EQ(Log.Reports[0].Accesses.size(), 2u);
  EXPECT_FALSE(Log.Reports[0].Accesses[0].IsAtomic);
  EXPECT_TRUE(Log.Reports[0].Accesses[1].IsAtomic);
  EXPECT_FALSE(Log.Reports[0].Accesses[1].IsWrite);
}

TEST(TsanReportParserTest, LockOrderInversionWithSecondStacks) {
  TsanLog Log = parseFixture("recorded/lock_order_second_stack.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  const TsanReport &R = Log.Reports[0];
  EXPECT_EQ(R.Kind, TsanReportKind::LockOrderInversion);
  EXPECT_EQ(R.Cycle, (std::vector<unsigned>{0, 1}));
  ASSERT_EQ(R.LockEdges.size(), 2u);
  EXPECT_EQ(R.LockEdges[0].Acquired, 1u);
  EXPECT_EQ(R.LockEdges[0].Held, 0u);
  EXPECT_EQ(R.LockEdges[0].Thread.Id, 1);
  EXPECT_EQ(R.LockEdges[1].Acquired, 0u);
  EXPECT_EQ(R.LockEdges[1].Held, 1u);
  EXPECT_EQ(R.LockEdges[1].Thread.Id, 2);
  for (const TsanLockEdge &E : R.LockEdges) {
    EXPECT_NE(frameIn(E.AcquiredAt, "lock_order.cpp"), nullptr);
    EXPECT_NE(frameIn(E.HeldAcquiredAt, "lock_order.cpp"), nullptr);
  }
  // Line 7 takes A then B, line 8 takes B then A.
  EXPECT_EQ(frameIn(R.LockEdges[0].AcquiredAt, "lock_order.cpp")->Line, 7u);
  EXPECT_EQ(frameIn(R.LockEdges[1].AcquiredAt, "lock_order.cpp")->Line, 8u);
  EXPECT_EQ(R.Threads.size(), 2u);
  EXPECT_TRUE(R.Mutexes.empty());
}

TEST(TsanReportParserTest, LockOrderInversionWithoutSecondStacks) {
  TsanLog Log = parseFixture("recorded/lock_order.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  const TsanReport &R = Log.Reports[0];
  ASSERT_EQ(R.LockEdges.size(), 2u);
  EXPECT_TRUE(R.LockEdges[0].HeldAcquiredAt.Frames.empty());
  EXPECT_FALSE(R.LockEdges[0].AcquiredAt.Frames.empty());
  EXPECT_FALSE(R.Truncated);
}

TEST(TsanReportParserTest, ThreadLeakCountsSimilarLeaks) {
  TsanLog Log = parseFixture("recorded/thread_leak.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  const TsanReport &R = Log.Reports[0];
  EXPECT_EQ(R.Kind, TsanReportKind::ThreadLeak);
  EXPECT_EQ(R.SimilarCount, 2u);
  ASSERT_EQ(R.Threads.size(), 1u);
  EXPECT_NE(frameIn(R.Threads[0].Creation, "thread_leak.cpp"), nullptr);
  // A leaked thread is blamed on its creation.
  ASSERT_EQ(R.involvedStacks().size(), 1u);
}

TEST(TsanReportParserTest, HeapUseAfterFree) {
  TsanLog Log = parseFixture("recorded/use_after_free.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  const TsanReport &R = Log.Reports[0];
  EXPECT_EQ(R.Kind, TsanReportKind::HeapUseAfterFree);
  ASSERT_EQ(R.Accesses.size(), 2u);
  EXPECT_EQ(topFrame(R.Accesses[1].Stack).Function,
            "operator delete(void*, unsigned long)");
}

TEST(TsanReportParserTest, MutexMisuseKinds) {
  TsanLog Unlock = parseFixture("recorded/mutex_misuse.log");
  ASSERT_EQ(Unlock.Reports.size(), 1u);
  EXPECT_EQ(Unlock.Reports[0].Kind, TsanReportKind::MutexBadUnlock);
  ASSERT_EQ(Unlock.Reports[0].Stacks.size(), 1u);
  EXPECT_EQ(topFrame(Unlock.Reports[0].Stacks[0]).Function, "pthread_mutex_unlock");
  EXPECT_EQ(Unlock.Reports[0].Mutexes.size(), 1u);

  TsanLog Destroy = parseFixture("recorded/destroy_locked.log");
  ASSERT_EQ(Destroy.Reports.size(), 1u);
  EXPECT_EQ(Destroy.Reports[0].Kind, TsanReportKind::MutexDestroyLocked);
  // "and:" separates the destroy stack from where it was locked.
  EXPECT_EQ(Destroy.Reports[0].Stacks.size(), 2u);

  TsanLog Double = parseFixture("recorded/double_lock.log");
  ASSERT_EQ(Double.Reports.size(), 2u);
  EXPECT_EQ(Double.Reports[0].Kind, TsanReportKind::DataRace);
  EXPECT_EQ(Double.Reports[1].Kind, TsanReportKind::MutexDoubleLock);
  EXPECT_EQ(Double.Reports[1].Stacks.size(), 1u);
  EXPECT_EQ(*Double.ReportedCount, 2u);
}

TEST(TsanReportParserTest, SignalKinds) {
  TsanLog Log = parseFixture("recorded/signal_unsafe.log");
  ASSERT_EQ(Log.Reports.size(), 3u);
  EXPECT_EQ(Log.Reports[0].Kind, TsanReportKind::SignalUnsafe);
  EXPECT_EQ(Log.Reports[1].Kind, TsanReportKind::SignalUnsafe);
  const TsanReport &Errno = Log.Reports[2];
  EXPECT_EQ(Errno.Kind, TsanReportKind::ErrnoInSignal);
  EXPECT_EQ(Errno.Signal, 10);
  ASSERT_EQ(Errno.Stacks.size(), 1u);
  EXPECT_EQ(topFrame(Errno.Stacks[0]).Function, "handler(int)");
}

TEST(TsanReportParserTest, VptrRaceAndSleep) {
  TsanLog Vptr = parseFixture("recorded/vptr_race.log");
  ASSERT_EQ(Vptr.Reports.size(), 1u);
  EXPECT_EQ(Vptr.Reports[0].Kind, TsanReportKind::VptrRace);

  TsanLog Sleep = parseFixture("recorded/sleep_race.log");
  ASSERT_EQ(Sleep.Reports.size(), 1u);
  ASSERT_TRUE(Sleep.Reports[0].Sleep.has_value());
  EXPECT_EQ(topFrame(*Sleep.Reports[0].Sleep).Function, "usleep");
  // The sleep section must not swallow the location after it.
  ASSERT_EQ(Sleep.Reports[0].Locations.size(), 1u);
  EXPECT_EQ(Sleep.Reports[0].Locations[0].GlobalName, "Value");
}

TEST(TsanReportParserTest, FatalErrorsOutsideReports) {
  TsanLog Segv = parseFixture("recorded/segv.log");
  EXPECT_TRUE(Segv.Reports.empty());
  ASSERT_EQ(Segv.FatalErrors.size(), 1u);
  EXPECT_NE(Segv.FatalErrors[0].Text.find("SEGV on unknown address"), std::string::npos);

  TsanLog Rss = parseFixture("recorded/rss_limit.log");
  ASSERT_EQ(Rss.FatalErrors.size(), 1u);
  EXPECT_NE(Rss.FatalErrors[0].Text.find("hard rss limit exhausted"), std::string::npos);

  TsanLog Check = parseFixture("hand/check_failed.log");
  ASSERT_EQ(Check.FatalErrors.size(), 1u);
  EXPECT_NE(Check.FatalErrors[0].Text.find("CHECK failed"), std::string::npos);

  TsanLog Start = parseFixture("hand/failed_to_start.log");
  ASSERT_EQ(Start.FatalErrors.size(), 1u);
}

TEST(TsanReportParserTest, TruncatedInsideAStack) {
  TsanLog Log = parseFixture("hand/truncated_mid_stack.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  const TsanReport &R = Log.Reports[0];
  EXPECT_TRUE(R.Truncated);
  ASSERT_EQ(R.Accesses.size(), 2u);
  EXPECT_FALSE(R.Accesses[1].Stack.Frames.empty());
  EXPECT_TRUE(R.Summary.empty());
  EXPECT_FALSE(Log.ReportedCount.has_value());
}

TEST(TsanReportParserTest, TruncatedInsideALine) {
  TsanLog Log = parseFixture("hand/truncated_mid_line.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  EXPECT_TRUE(Log.Reports[0].Truncated);
  EXPECT_EQ(Log.Reports[0].Kind, TsanReportKind::LockOrderInversion);
  EXPECT_EQ(Log.Reports[0].LockEdges.size(), 1u);
}

TEST(TsanReportParserTest, SecondHeaderClosesTheFirstReport) {
  TsanLog Log = parseFixture("hand/header_inside_report.log");
  ASSERT_EQ(Log.Reports.size(), 2u);
  EXPECT_TRUE(Log.Reports[0].Truncated);
  EXPECT_EQ(Log.Reports[0].Kind, TsanReportKind::DataRace);
  EXPECT_FALSE(Log.Reports[1].Truncated);
  EXPECT_EQ(Log.Reports[1].Kind, TsanReportKind::LockOrderInversion);
  EXPECT_EQ(Log.Reports[1].LockEdges.size(), 2u);
}

TEST(TsanReportParserTest, ProgramOutputInsideAReportIsSkipped) {
  TsanLog Clean = parseFixture("recorded/data_race_heap_mutex.log");
  TsanLog Noisy = parseFixture("hand/program_output_inside.log");
  ASSERT_EQ(Noisy.Reports.size(), 1u);
  const TsanReport &R = Noisy.Reports[0];
  EXPECT_FALSE(R.Truncated);
  ASSERT_EQ(R.Accesses.size(), 2u);
  EXPECT_EQ(R.Accesses[1].Stack.Frames.size(),
            Clean.Reports[0].Accesses[1].Stack.Frames.size());
  EXPECT_EQ(R.Mutexes.size(), 1u);
}

TEST(TsanReportParserTest, ColoursAreStripped) {
  std::string Coloured = "==================\n"
                         "\x1b[1m\x1b[31mWARNING: ThreadSanitizer: data race "
                         "(pid=7)\n\x1b[1m\x1b[0m"
                         "\x1b[1m\x1b[34m  Write of size 4 at 0x10 by main "
                         "thread:\n\x1b[1m\x1b[0m"
                         "    #0 main /a.cpp:3:5 (a.out+0x10)\n\n"
                         "SUMMARY: ThreadSanitizer: data race /a.cpp:3:5 in main\n"
                         "==================\n";
  TsanLog Log = parseTsanLog(Coloured);
  ASSERT_EQ(Log.Reports.size(), 1u);
  EXPECT_EQ(Log.Reports[0].Pid, 7);
  ASSERT_EQ(Log.Reports[0].Accesses.size(), 1u);
  EXPECT_EQ(topFrame(Log.Reports[0].Accesses[0].Stack).File, "/a.cpp");
  EXPECT_FALSE(Log.Reports[0].Truncated);
}

TEST(TsanReportParserTest, EmptyAndGarbageInput) {
  EXPECT_TRUE(parseTsanLog("").Reports.empty());
  TsanLog Garbage = parseTsanLog("hello\n#1 not a frame\n\x01\x02\n==\n");
  EXPECT_TRUE(Garbage.Reports.empty());
  EXPECT_TRUE(Garbage.FatalErrors.empty());
}

TEST(TsanReportParserTest, FakeReportTextIsStillJustText) {
  // The parser reads whatever it is given; that programs cannot forge
  // reports is the runner's job (reports come only from TSan's private log).
  // Here: an unknown kind maps to Unknown rather than being dropped.
  TsanLog Log = parseTsanLog("WARNING: ThreadSanitizer: something new (pid=1)\n"
                             "==================\n");
  ASSERT_EQ(Log.Reports.size(), 1u);
  EXPECT_EQ(Log.Reports[0].Kind, TsanReportKind::Unknown);
  EXPECT_EQ(Log.Reports[0].KindText, "something new");
}

} // namespace
