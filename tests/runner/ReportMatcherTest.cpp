//===- ReportMatcherTest.cpp - Reports against lesson annotations ---------===//
//
// Uses recorded TSan logs of the fixture programs as if they were lessons:
// the fixture's source path (/src/fixtures/...) stands for the lesson's
// buggy.cpp, and the annotations are set up by hand.
//
//===----------------------------------------------------------------------===//
#include "GdbFixtures.h"
#include "ReportMatcher.h"
#include "TsanReportParser.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

TsanLog fixtureLog(const std::string &Name) {
  auto Buffer = llvm::MemoryBuffer::getFile(std::string(RACELAB_TEST_FIXTURES) +
                                            "/tsan/recorded/" + Name);
  EXPECT_TRUE(static_cast<bool>(Buffer)) << Name;
  return Buffer ? parseTsanLog((*Buffer)->getBuffer()) : TsanLog();
}

Annotation annotate(AnnotationKind Kind, unsigned Line, std::string Label) {
  Annotation A;
  A.Kind = Kind;
  A.Line = A.SourceLine = Line;
  A.Label = std::move(Label);
  return A;
}

Lesson lessonFor(const std::string &Program, TsanReportKind Expected,
                 std::vector<Annotation> Annotations) {
  Lesson L;
  L.Id = "fixtures/" + Program;
  L.BuggySource = "/src/fixtures/" + Program + ".cpp";
  L.FixedSource = L.BuggySource;
  L.ExpectedReport = Expected;
  L.Annotations = std::move(Annotations);
  return L;
}

class ReportMatcherTest : public ::testing::Test {
protected:
  FrameFilter Filter;
};

TEST_F(ReportMatcherTest, BlamedLinesOfADataRace) {
  TsanLog Log = fixtureLog("data_race_global.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  // Line 7 is the thread's increment, line 9 main's; the thread creation on
  // line 7 too, but creation stacks are context, not blame.
  EXPECT_THAT(blamedLines(Log.Reports[0], "/src/fixtures/data_race_global.cpp", Filter),
              ElementsAre(7u, 9u));
}

TEST_F(ReportMatcherTest, AnnotatedRaceMatches) {
  Lesson L = lessonFor("data_race_global", TsanReportKind::DataRace,
                       {annotate(AnnotationKind::Race, 7, "Counter"),
                        annotate(AnnotationKind::Race, 9, "Counter")});
  RunMatch M = matchBuggyRun(fixtureLog("data_race_global.log"), L, Filter);
  EXPECT_TRUE(M.matches()) << M.Problems[0];
  EXPECT_EQ(M.ExpectedReports, 1u);
}

TEST_F(ReportMatcherTest, UnannotatedLineIsAProblem) {
  Lesson L = lessonFor("data_race_global", TsanReportKind::DataRace,
                       {annotate(AnnotationKind::Race, 7, "Counter")});
  RunMatch M = matchBuggyRun(fixtureLog("data_race_global.log"), L, Filter);
  ASSERT_EQ(M.Problems.size(), 1u);
  EXPECT_THAT(M.Problems[0], HasSubstr("involves data_race_global.cpp:9, which has "
                                       "no expect-race annotation"));
}

TEST_F(ReportMatcherTest, LabelNeverHitIsAProblem) {
  Lesson L = lessonFor("data_race_global", TsanReportKind::DataRace,
                       {annotate(AnnotationKind::Race, 7, "Counter"),
                        annotate(AnnotationKind::Race, 9, "Counter"),
                        annotate(AnnotationKind::Race, 11, "Other")});
  RunMatch M = matchBuggyRun(fixtureLog("data_race_global.log"), L, Filter);
  ASSERT_EQ(M.Problems.size(), 1u);
  EXPECT_EQ(M.Problems[0], "no data-race report at data_race_global.cpp:11 ('Other')");
}

TEST_F(ReportMatcherTest, OneHitLinePerLabelIsEnough) {
  // TSan reports a race on one address once; a third annotated line of the
  // same variable that was not in this report is fine.
  Lesson L = lessonFor("data_race_global", TsanReportKind::DataRace,
                       {annotate(AnnotationKind::Race, 7, "Counter"),
                        annotate(AnnotationKind::Race, 9, "Counter"),
                        annotate(AnnotationKind::Race, 10, "Counter")});
  EXPECT_TRUE(matchBuggyRun(fixtureLog("data_race_global.log"), L, Filter).matches());
}

TEST_F(ReportMatcherTest, LockOrderCycleBlamesBothFunctions) {
  Lesson L = lessonFor("lock_order", TsanReportKind::LockOrderInversion,
                       {annotate(AnnotationKind::LockOrder, 7, "A"),
                        annotate(AnnotationKind::LockOrder, 8, "B")});
  RunMatch M = matchBuggyRun(fixtureLog("lock_order_second_stack.log"), L, Filter);
  EXPECT_TRUE(M.matches()) << M.Problems[0];
}

TEST_F(ReportMatcherTest, WrongKindIsUnexpected) {
  Lesson L = lessonFor("data_race_global", TsanReportKind::LockOrderInversion,
                       {annotate(AnnotationKind::LockOrder, 7, "A")});
  RunMatch M = matchBuggyRun(fixtureLog("data_race_global.log"), L, Filter);
  EXPECT_THAT(M.Problems, testing::Contains(HasSubstr(
                              "unexpected data race at data_race_global.cpp:7, 9")));
  EXPECT_THAT(M.Problems, testing::Contains(HasSubstr("no lock-order-inversion report")));
}

TEST_F(ReportMatcherTest, NoReportAtAll) {
  Lesson L = lessonFor("data_race_global", TsanReportKind::DataRace,
                       {annotate(AnnotationKind::Race, 7, "Counter")});
  RunMatch M = matchBuggyRun(TsanLog(), L, Filter);
  ASSERT_EQ(M.Problems.size(), 1u);
  EXPECT_EQ(M.Problems[0], "no data-race report at data_race_global.cpp:7 ('Counter')");
  EXPECT_EQ(M.MissingCount, 1u);
  EXPECT_TRUE(M.wrongReports().empty());
}

TEST_F(ReportMatcherTest, WrongReportsAreToldFromMissingOnes) {
  Lesson L = lessonFor("data_race_global", TsanReportKind::LockOrderInversion,
                       {annotate(AnnotationKind::LockOrder, 7, "A")});
  RunMatch M = matchBuggyRun(fixtureLog("data_race_global.log"), L, Filter);
  ASSERT_EQ(M.Problems.size(), 2u);
  EXPECT_EQ(M.MissingCount, 1u);
  ASSERT_EQ(M.wrongReports().size(), 1u);
  EXPECT_EQ(M.wrongReports()[0], "unexpected data race at data_race_global.cpp:7, 9");
}

TEST_F(ReportMatcherTest, HungRunMatchesItsDeadlockLines) {
  Lesson L = lessonFor("mutex_cycle2", TsanReportKind::LockOrderInversion,
                       {annotate(AnnotationKind::Deadlock, 15, ""),
                        annotate(AnnotationKind::Deadlock, 22, "")});
  L.MayHang = true;
  HangReport Hang = analyzeHang(gdbFixtureCapture("mutex_cycle2"), Filter);
  EXPECT_TRUE(matchHungRun(Hang, L, Filter).matches());

  // main joins at line 28: a thread waits there too.
  L.Annotations.push_back(annotate(AnnotationKind::Deadlock, 28, ""));
  EXPECT_TRUE(matchHungRun(Hang, L, Filter).matches());

  // Nobody blocks at lines 12 and 18 (where the first mutexes were taken).
  L.Annotations.push_back(annotate(AnnotationKind::Deadlock, 18, ""));
  L.Annotations.push_back(annotate(AnnotationKind::Deadlock, 12, ""));
  RunMatch M = matchHungRun(Hang, L, Filter);
  ASSERT_EQ(M.Problems.size(), 1u);
  EXPECT_EQ(M.Problems[0],
            "it hung, but no thread is blocked at mutex_cycle2.cpp:12, 18");

  // A running thread is not blocked where it runs.
  Lesson Spin = lessonFor("spin_loop", TsanReportKind::DataRace,
                          {annotate(AnnotationKind::Deadlock, 9, "")});
  HangReport Spinning = analyzeHang(gdbFixtureCapture("spin_loop"), Filter);
  RunMatch Running = matchHungRun(Spinning, Spin, Filter);
  ASSERT_EQ(Running.Problems.size(), 1u);
  EXPECT_EQ(Running.Problems[0], "it hung, but no thread is blocked at spin_loop.cpp:9");

  HangReport NoStacks;
  NoStacks.StacksProblem = "gdb could not attach: ptrace: Operation not permitted.";
  RunMatch Blind = matchHungRun(NoStacks, L, Filter);
  ASSERT_EQ(Blind.Problems.size(), 1u);
  EXPECT_EQ(Blind.Problems[0], "it hung, but its stacks could not be captured (gdb "
                               "could not attach: ptrace: Operation not permitted.)");
}

TEST_F(ReportMatcherTest, UseAfterFreeAcceptsDanglingCaptureAnnotations) {
  TsanLog Log = fixtureLog("use_after_free.log");
  ASSERT_EQ(Log.Reports.size(), 1u);
  std::vector<unsigned> Lines =
      blamedLines(Log.Reports[0], "/src/fixtures/use_after_free.cpp", Filter);
  ASSERT_FALSE(Lines.empty());
  std::vector<Annotation> As;
  for (unsigned Line : Lines)
    As.push_back(annotate(AnnotationKind::DanglingCapture, Line, "P"));
  Lesson L = lessonFor("use_after_free", TsanReportKind::HeapUseAfterFree, As);
  EXPECT_TRUE(matchBuggyRun(Log, L, Filter).matches());
}

TEST_F(ReportMatcherTest, CleanRunRejectsAnyReport) {
  TsanLog Log = fixtureLog("thread_leak.log");
  RunMatch M = matchCleanRun(Log, "/src/fixtures/thread_leak.cpp", Filter);
  ASSERT_EQ(M.Problems.size(), 1u);
  EXPECT_EQ(M.Problems[0], "unexpected thread leak at thread_leak.cpp:8");
  EXPECT_TRUE(matchCleanRun(TsanLog(), "/src/fixtures/x.cpp", Filter).matches());
}

TEST_F(ReportMatcherTest, ReportOutsideTheLessonSource) {
  Lesson L = lessonFor("other_file", TsanReportKind::DataRace,
                       {annotate(AnnotationKind::Race, 7, "Counter")});
  RunMatch M = matchBuggyRun(fixtureLog("data_race_global.log"), L, Filter);
  EXPECT_THAT(M.Problems, testing::Contains(HasSubstr(
                              "data race with no frame in other_file.cpp")));
}

TEST_F(ReportMatcherTest, LibraryFramesAreNotUserFrames) {
  TsanFrame Header;
  Header.File = "/usr/lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12/bits/"
                "std_mutex.h";
  Header.Line = 100;
  EXPECT_FALSE(Filter.isUserFrame(Header));
  TsanFrame Glibc;
  Glibc.File = "nptl/pthread_create.c";
  EXPECT_FALSE(Filter.isUserFrame(Glibc));
  TsanFrame User;
  User.File = "/home/student/lab/main.cpp";
  EXPECT_TRUE(Filter.isUserFrame(User));
  TsanFrame Interceptor = User;
  Interceptor.Function = "__tsan_memset";
  EXPECT_FALSE(Filter.isUserFrame(Interceptor));
}

} // namespace
