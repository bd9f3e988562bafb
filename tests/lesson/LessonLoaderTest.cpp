//===- LessonLoaderTest.cpp - Loading and validating lesson folders -------===//
//
// Every malformed lesson must give an error naming the file and, where there
// is one, the line and column; never a crash and never a silent skip.
//
//===----------------------------------------------------------------------===//
#include "Lesson.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <map>

using namespace racelab;
using ::testing::HasSubstr;

namespace {

const char *GoodYaml = "title: Unsynchronized counter\n"
                       "topic: data-races\n"
                       "summary: Two threads, one counter.\n"
                       "bug_class: data-race\n"
                       "tsan_report: data-race\n"
                       "runs: 7\n"
                       "timeout_seconds: 2.5\n"
                       "args: [\"--threads\", \"4\"]\n"
                       "flags: [-DSMALL]\n"
                       "expected_output: |\n"
                       "  Counter = 2\n";

const char *GoodBuggy = "int Counter;\n"
                        "void f() { Counter++; } // expect-race: Counter\n";
const char *GoodFixed = "#include <atomic>\nstd::atomic<int> Counter;\n";

/// A lesson folder <tmp>/<topic>/<name> with the given files, removed at
/// the end of the test.
class TempLesson {
public:
  explicit TempLesson(std::map<std::string, std::string> Files,
                      const std::string &Topic = "data-races",
                      const std::string &Name = "counter") {
    llvm::SmallString<256> Root;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("racelab-lesson-test", Root));
    this->Root = Root.str().str();
    llvm::sys::path::append(Root, Topic, Name);
    Dir = Root.str().str();
    EXPECT_FALSE(llvm::sys::fs::create_directories(Dir));
    for (auto &[File, Text] : Files)
      write(File, Text);
  }
  ~TempLesson() { llvm::sys::fs::remove_directories(Root); }

  void write(const std::string &File, const std::string &Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(path(File), EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  std::string path(const std::string &File) const { return Dir + "/" + File; }

  std::string Root;
  std::string Dir;
};

std::map<std::string, std::string> goodFiles() {
  return {{"lesson.yaml", GoodYaml},
          {"buggy.cpp", GoodBuggy},
          {"fixed.cpp", GoodFixed},
          {"README.md", "# Counter\n"}};
}

/// Loads a lesson whose lesson.yaml is Yaml and other files are good.
LessonLoadResult loadWithYaml(const std::string &Yaml) {
  auto Files = goodFiles();
  Files["lesson.yaml"] = Yaml;
  TempLesson L(Files);
  return loadLesson(L.Dir);
}

std::string allErrors(const LessonLoadResult &R) {
  return formatDiagnostics(R.Errors);
}

TEST(LessonLoaderTest, LoadsAValidLesson) {
  TempLesson T(goodFiles());
  LessonLoadResult R = loadLesson(T.Dir);
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  const Lesson &L = *R.Loaded;
  EXPECT_EQ(L.Id, "data-races/counter");
  EXPECT_EQ(L.Title, "Unsynchronized counter");
  EXPECT_EQ(L.Class, BugClass::DataRace);
  ASSERT_TRUE(L.ExpectedReport.has_value());
  EXPECT_EQ(*L.ExpectedReport, TsanReportKind::DataRace);
  EXPECT_EQ(L.Runs, 7u);
  EXPECT_DOUBLE_EQ(L.TimeoutSeconds, 2.5);
  EXPECT_EQ(L.Args, (std::vector<std::string>{"--threads", "4"}));
  EXPECT_EQ(L.Flags, (std::vector<std::string>{"-DSMALL"}));
  ASSERT_TRUE(L.ExpectedOutput.has_value());
  EXPECT_EQ(*L.ExpectedOutput, "Counter = 2\n");
  EXPECT_EQ(L.BuggySource, T.path("buggy.cpp"));
  ASSERT_EQ(L.Annotations.size(), 1u);
  EXPECT_EQ(L.Annotations[0].Line, 2u);
}

TEST(LessonLoaderTest, DefaultsForOptionalKeys) {
  auto R = loadWithYaml("title: T\ntopic: data-races\nbug_class: data-race\n"
                        "tsan_report: data-race\n");
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  EXPECT_EQ(R.Loaded->Runs, 20u);
  EXPECT_DOUBLE_EQ(R.Loaded->TimeoutSeconds, 10);
  EXPECT_FALSE(R.Loaded->ExpectedOutput.has_value());
  EXPECT_FALSE(R.Loaded->MayHang);
}

TEST(LessonLoaderTest, RacecheckFindsOrMisses) {
  auto Finds = loadWithYaml("title: T\ntopic: data-races\nbug_class: data-race\n"
                            "tsan_report: data-race\n");
  ASSERT_TRUE(Finds.Loaded) << allErrors(Finds);
  EXPECT_FALSE(Finds.Loaded->RacecheckMisses);
  auto Misses = loadWithYaml("title: T\ntopic: data-races\nbug_class: data-race\n"
                             "tsan_report: data-race\nracecheck: misses\n");
  ASSERT_TRUE(Misses.Loaded) << allErrors(Misses);
  EXPECT_TRUE(Misses.Loaded->RacecheckMisses);
  auto Bad = loadWithYaml("title: T\ntopic: data-races\nbug_class: data-race\n"
                          "tsan_report: data-race\nracecheck: maybe\n");
  ASSERT_FALSE(Bad.Loaded);
  EXPECT_THAT(allErrors(Bad), HasSubstr("lesson.yaml:5:12: error: racecheck must be "
                                        "'finds' or 'misses', not 'maybe'"));
}

TEST(LessonLoaderTest, PerformanceLessonsAreCorrectBothWays) {
  auto Load = [](const std::string &Yaml, const char *Before) {
    auto Files = goodFiles();
    Files["lesson.yaml"] = "title: T\ntopic: parallel\nbug_class: performance\n" + Yaml;
    Files["buggy.cpp"] = Before;
    TempLesson T(Files, "parallel");
    return loadLesson(T.Dir);
  };
  const char *Slow = "int sum() { return 10; }\n";
  auto Good = Load("tsan_report: none\nexpected_output: |\n  sum=10\n", Slow);
  ASSERT_TRUE(Good.Loaded) << allErrors(Good);
  auto Report = Load("tsan_report: none\nexpected_output: |\n  sum=10\n", GoodBuggy);
  ASSERT_FALSE(Report.Loaded);
  EXPECT_THAT(allErrors(Report), HasSubstr("a performance lesson has no bug to annotate"));
  auto Race = Load("tsan_report: data-race\nexpected_output: |\n  sum=10\n", Slow);
  ASSERT_FALSE(Race.Loaded);
  EXPECT_THAT(allErrors(Race), HasSubstr("tsan_report must be none"));
  auto NoOutput = Load("tsan_report: none\n", Slow);
  ASSERT_FALSE(NoOutput.Loaded);
  EXPECT_THAT(allErrors(NoOutput), HasSubstr("needs expected_output"));
}

TEST(LessonLoaderTest, MeasureSection) {
  auto Load = [](const std::string &Yaml) {
    auto Files = goodFiles();
    Files["lesson.yaml"] = "title: T\ntopic: parallel\nbug_class: performance\n"
                           "tsan_report: none\nexpected_output: |\n  sum=10\n" + Yaml;
    Files["buggy.cpp"] = "int sum() { return 10; }\n";
    TempLesson T(Files, "parallel");
    return loadLesson(T.Dir);
  };
  auto Good = Load("measure:\n  args: [--items, \"1000000\"]\n  threads: [1, 2, 4]\n"
                   "  expect_faster: 1.5\n");
  ASSERT_TRUE(Good.Loaded) << allErrors(Good);
  ASSERT_TRUE(Good.Loaded->Measure.has_value());
  EXPECT_EQ(Good.Loaded->Measure->Args, (std::vector<std::string>{"--items", "1000000"}));
  EXPECT_EQ(Good.Loaded->Measure->Threads, (std::vector<unsigned>{1, 2, 4}));
  EXPECT_EQ(Good.Loaded->Measure->ExpectFaster, 1.5);

  auto NoThreads = Load("measure:\n  expect_faster: 2\n");
  EXPECT_THAT(allErrors(NoThreads), HasSubstr("'measure' needs threads"));
  auto BadThread = Load("measure:\n  threads: [1, 0]\n");
  EXPECT_THAT(allErrors(BadThread),
              HasSubstr("'measure.threads' must be a whole number from 1 to 1024, not '0'"));
  auto Unknown = Load("measure:\n  threads: [1]\n  warmup: 3\n");
  EXPECT_THAT(allErrors(Unknown), HasSubstr("unknown key 'warmup' in 'measure'"));

  auto NotPerformance = loadWithYaml("title: T\ntopic: data-races\nbug_class: data-race\n"
                                     "tsan_report: data-race\nmeasure:\n  threads: [1]\n");
  EXPECT_THAT(allErrors(NotPerformance), HasSubstr("'measure' is for performance lessons"));
}

TEST(LessonLoaderTest, MayHangNeedsADeadlockAnnotation) {
  const char *Buggy = "#include <mutex>\n"
                      "std::mutex A, B;\n"
                      "void f() { std::lock_guard<std::mutex> L(A); } "
                      "// expect-lock-order: A\n"
                      "void g() { std::lock_guard<std::mutex> L(B); } "
                      "// expect-deadlock\n";
  std::string Yaml = "title: T\ntopic: deadlocks\nbug_class: deadlock\n"
                     "tsan_report: lock-order-inversion\nmay_hang: true\n";
  auto Files = goodFiles();
  Files["lesson.yaml"] = Yaml;
  Files["buggy.cpp"] = Buggy;
  TempLesson T(Files, "deadlocks");
  auto R = loadLesson(T.Dir);
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  EXPECT_TRUE(R.Loaded->MayHang);

  // Without an expect-deadlock line any hang at all would count.
  Files["buggy.cpp"] = "#include <mutex>\nstd::mutex A;\n"
                       "void f() { std::lock_guard<std::mutex> L(A); } "
                       "// expect-lock-order: A\n";
  TempLesson Unannotated(Files, "deadlocks");
  auto Bad = loadLesson(Unannotated.Dir);
  ASSERT_FALSE(Bad.Loaded);
  EXPECT_THAT(allErrors(Bad), HasSubstr("buggy.cpp: error: lesson.yaml says "
                                        "may_hang: true but no line is annotated "
                                        "with expect-deadlock"));

  Files["lesson.yaml"] = Yaml.substr(0, Yaml.find("may_hang")) + "may_hang: false\n";
  TempLesson Off(Files, "deadlocks");
  auto NoHang = loadLesson(Off.Dir);
  ASSERT_TRUE(NoHang.Loaded) << allErrors(NoHang);
  EXPECT_FALSE(NoHang.Loaded->MayHang);
}

TEST(LessonLoaderTest, MayHangIsTrueOrFalse) {
  for (std::string Value : {"yes", "1", "True"}) {
    auto R = loadWithYaml(std::string(GoodYaml) + "may_hang: " + Value + "\n");
    ASSERT_FALSE(R.Loaded) << Value;
    ASSERT_EQ(R.Errors.size(), 1u) << allErrors(R);
    EXPECT_THAT(allErrors(R), HasSubstr("lesson.yaml:12:11: error: 'may_hang' must "
                                        "be true or false, not '" + Value + "'\n"));
  }
  auto List = loadWithYaml(std::string(GoodYaml) + "may_hang: [true]\n");
  ASSERT_FALSE(List.Loaded);
  EXPECT_THAT(allErrors(List), HasSubstr("'may_hang' must be true or false\n"));
}

TEST(LessonLoaderTest, CSourcesAreFound) {
  auto Files = goodFiles();
  Files.erase("buggy.cpp");
  Files.erase("fixed.cpp");
  Files["buggy.c"] = GoodBuggy;
  Files["fixed.c"] = "int Counter;\n";
  TempLesson T(Files);
  auto R = loadLesson(T.Dir);
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  EXPECT_EQ(R.Loaded->BuggySource, T.path("buggy.c"));
}

TEST(LessonLoaderTest, NotADirectory) {
  auto R = loadLesson("/nonexistent/racelab/lesson");
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("no such directory"));
}

TEST(LessonLoaderTest, MissingLessonYaml) {
  auto Files = goodFiles();
  Files.erase("lesson.yaml");
  TempLesson T(Files);
  auto R = loadLesson(T.Dir);
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("lesson.yaml: error: cannot read lesson.yaml"));
}

TEST(LessonLoaderTest, YamlSyntaxErrorHasLineAndColumn) {
  auto R = loadWithYaml("title: T\ntopic: [unclosed\n");
  ASSERT_FALSE(R.Loaded);
  ASSERT_FALSE(R.Errors.empty());
  EXPECT_THAT(R.Errors[0].File, HasSubstr("lesson.yaml"));
  EXPECT_GE(R.Errors[0].Line, 2u);
  EXPECT_GT(R.Errors[0].Column, 0u);
}

TEST(LessonLoaderTest, NotAMapping) {
  auto R = loadWithYaml("- just\n- a list\n");
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("must be a mapping"));
}

TEST(LessonLoaderTest, EmptyFile) {
  auto R = loadWithYaml("");
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("empty lesson.yaml"));
}

TEST(LessonLoaderTest, UnknownKeyPointsAtTheKey) {
  auto R = loadWithYaml(std::string(GoodYaml) + "colour: blue\n");
  ASSERT_FALSE(R.Loaded);
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_EQ(R.Errors[0].Line, 12u);
  EXPECT_EQ(R.Errors[0].Column, 1u);
  EXPECT_THAT(R.Errors[0].Message, HasSubstr("unknown key 'colour'"));
}

TEST(LessonLoaderTest, BadValuesPointAtTheValue) {
  auto R = loadWithYaml("title: T\ntopic: data-races\nbug_class: data-rcae\n"
                        "tsan_report: data race\nruns: many\ntimeout_seconds: 0\n"
                        "args: \"-v\"\n");
  ASSERT_FALSE(R.Loaded);
  std::string E = allErrors(R);
  EXPECT_THAT(E, HasSubstr("lesson.yaml:3:12: error: unknown bug_class 'data-rcae'"));
  EXPECT_THAT(E, HasSubstr("atomicity-violation"));
  EXPECT_THAT(E, HasSubstr("lesson.yaml:4:14: error: unknown tsan_report 'data race'"));
  EXPECT_THAT(E, HasSubstr("lesson.yaml:5:7: error: 'runs' must be a whole number "
                           "from 1 to 1000, not 'many'"));
  EXPECT_THAT(E, HasSubstr("lesson.yaml:6:18: error: 'timeout_seconds'"));
  EXPECT_THAT(E, HasSubstr("lesson.yaml:7:7: error: 'args' must be a list"));
}

TEST(LessonLoaderTest, RunsMustBeWhole) {
  auto R = loadWithYaml("title: T\ntopic: data-races\nbug_class: data-race\n"
                        "tsan_report: data-race\nruns: 2.5\n");
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("'runs' must be a whole number"));
}

TEST(LessonLoaderTest, DuplicateKey) {
  auto R = loadWithYaml(std::string(GoodYaml) + "title: Again\n");
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("duplicate key 'title'"));
}

TEST(LessonLoaderTest, MissingRequiredKeysAreAllNamed) {
  auto R = loadWithYaml("title: T\n");
  ASSERT_FALSE(R.Loaded);
  std::string E = allErrors(R);
  EXPECT_THAT(E, HasSubstr("missing required key 'topic'"));
  EXPECT_THAT(E, HasSubstr("missing required key 'bug_class'"));
  EXPECT_THAT(E, HasSubstr("missing required key 'tsan_report'"));
}

TEST(LessonLoaderTest, TopicMustMatchTheFolder) {
  auto Files = goodFiles();
  TempLesson T(Files, "deadlocks");
  auto R = loadLesson(T.Dir);
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("topic 'data-races' does not match the folder"));
}

TEST(LessonLoaderTest, MissingFilesAreNamed) {
  auto Files = goodFiles();
  Files.erase("fixed.cpp");
  Files.erase("README.md");
  TempLesson T(Files);
  auto R = loadLesson(T.Dir);
  ASSERT_FALSE(R.Loaded);
  std::string E = allErrors(R);
  EXPECT_THAT(E, HasSubstr("fixed.cpp: error: missing"));
  EXPECT_THAT(E, HasSubstr("README.md: error: missing"));
}

TEST(LessonLoaderTest, ExplicitSourceNames) {
  auto Files = goodFiles();
  Files["before.cpp"] = GoodBuggy;
  Files.erase("buggy.cpp");
  Files["lesson.yaml"] = std::string(GoodYaml) + "buggy: before.cpp\n";
  TempLesson T(Files);
  auto R = loadLesson(T.Dir);
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  EXPECT_EQ(R.Loaded->BuggySource, T.path("before.cpp"));

  auto Bad = loadWithYaml(std::string(GoodYaml) + "fixed: ../other/fixed.cpp\n");
  ASSERT_FALSE(Bad.Loaded);
  EXPECT_THAT(allErrors(Bad), HasSubstr("must name a file in the lesson folder"));
}

TEST(LessonLoaderTest, AnnotationErrorsCarryTheSourcePosition) {
  auto Files = goodFiles();
  Files["buggy.cpp"] = "int Counter;\nvoid f() { Counter++; } // expect-rcae: Counter\n";
  TempLesson T(Files);
  auto R = loadLesson(T.Dir);
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("buggy.cpp:2:28: error: unknown annotation"));
}

TEST(LessonLoaderTest, AnnotationsInTheFixedVariantAreAnError) {
  auto Files = goodFiles();
  Files["fixed.cpp"] = "int C;\nvoid f() { C++; } // expect-race: C\n";
  TempLesson T(Files);
  auto R = loadLesson(T.Dir);
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("fixed.cpp:2:22: error: expect-race in the "
                                      "fixed variant"));
}

TEST(LessonLoaderTest, ExpectedReportNeedsAnAnnotation) {
  auto Files = goodFiles();
  Files["buggy.cpp"] = "int Counter;\n";
  TempLesson T(Files);
  auto R = loadLesson(T.Dir);
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("no line is annotated with expect-race"));
}

TEST(LessonLoaderTest, InvisibleBugNeedsExpectedOutput) {
  auto R = loadWithYaml("title: T\ntopic: data-races\nbug_class: atomicity-violation\n"
                        "tsan_report: none\n");
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("add expected_output"));

  auto Ok = loadWithYaml("title: T\ntopic: data-races\nbug_class: atomicity-violation\n"
                         "tsan_report: none\nexpected_output: \"42\\n\"\n");
  ASSERT_TRUE(Ok.Loaded) << allErrors(Ok);
  EXPECT_FALSE(Ok.Loaded->ExpectedReport.has_value());
  EXPECT_EQ(*Ok.Loaded->ExpectedOutput, "42\n");
}

TEST(LessonLoaderTest, ExpandsFoldersOfLessons) {
  TempLesson A(goodFiles(), "data-races", "a-counter");
  std::string Topic = A.Root + "/data-races";
  ASSERT_FALSE(llvm::sys::fs::create_directories(Topic + "/b-vector"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(A.Root + "/include/racelab"));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Topic + "/b-vector/lesson.yaml", EC);
  }
  std::vector<std::string> Expanded = expandLessonPaths({A.Root});
  EXPECT_EQ(Expanded, (std::vector<std::string>{Topic + "/a-counter",
                                                Topic + "/b-vector"}));
  // A lesson folder stays itself; a folder without lessons is kept for
  // loadLesson to report.
  EXPECT_EQ(expandLessonPaths({A.Dir}), (std::vector<std::string>{A.Dir}));
  std::string Empty = A.Root + "/include";
  EXPECT_EQ(expandLessonPaths({Empty}), (std::vector<std::string>{Empty}));
}

} // namespace
