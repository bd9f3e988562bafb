//===- VerdictTest.cpp - Verdicts: lines, JSON, result files --------------===//
#include "Verdict.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::HasSubstr;

namespace {

PartVerdict sample(LessonPart Part, bool Passed) {
  PartVerdict V;
  V.LessonId = "data-races/counter";
  V.Part = Part;
  V.Expectation = Part == LessonPart::Buggy    ? "data-race"
                  : Part == LessonPart::Fixed ? "clean"
                                              : "annotations";
  if (Part == LessonPart::Static) {
    V.Runs = 1;
    V.GoodRuns = Passed ? 1 : 0;
    V.Passed = Passed;
    return V;
  }
  V.Passed = Passed;
  V.Runs = 20;
  V.GoodRuns = Passed ? 20 : 17;
  V.BuildSeconds = 1.25;
  V.RunSeconds = 3.5;
  if (!Passed)
    V.Problems = {"runs 3, 9, 14: no data-race report at buggy.cpp:12 ('Counter')"};
  return V;
}

TEST(VerdictTest, JsonRoundTrip) {
  PartVerdict V = sample(LessonPart::Buggy, false);
  auto Back = verdictFromJSON(toJSON(V));
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->LessonId, V.LessonId);
  EXPECT_EQ(Back->Part, LessonPart::Buggy);
  EXPECT_EQ(Back->Expectation, "data-race");
  EXPECT_FALSE(Back->Passed);
  EXPECT_EQ(Back->Runs, 20u);
  EXPECT_EQ(Back->GoodRuns, 17u);
  EXPECT_DOUBLE_EQ(Back->BuildSeconds, 1.25);
  EXPECT_EQ(Back->Problems, V.Problems);
}

TEST(VerdictTest, HowAHangingVariantShowedItsBug) {
  PartVerdict V = sample(LessonPart::Buggy, true);
  V.Expectation = "deadlock found";
  V.DetectedBy = {{"hung", 12}, {"lock-order-inversion", 8}};
  EXPECT_EQ(formatPartShort(V),
            "buggy: deadlock found 20/20 (hung 12, lock-order-inversion 8)");
  V.HangDetails = {"run 3: deadlock: ...\n  thread 2 ...\n"};
  auto Back = verdictFromJSON(toJSON(V));
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->DetectedBy, V.DetectedBy);
  EXPECT_EQ(Back->HangDetails, V.HangDetails);
  EXPECT_EQ(formatPartShort(*Back), formatPartShort(V));

  llvm::json::Value Bad = toJSON(V);
  (*Bad.getAsObject()->getArray("detected_by"))[0] = llvm::json::Object{{"how", "hung"}};
  auto E = verdictFromJSON(Bad);
  ASSERT_FALSE(static_cast<bool>(E));
  EXPECT_THAT(llvm::toString(E.takeError()), HasSubstr("detected_by entries need"));
}

TEST(VerdictTest, MalformedJsonIsAnError) {
  EXPECT_FALSE(static_cast<bool>(verdictFromJSON(llvm::json::Value(3))));
  llvm::json::Object NoPart{{"lesson", "x"}, {"expectation", "clean"}};
  auto E = verdictFromJSON(llvm::json::Value(std::move(NoPart)));
  ASSERT_FALSE(static_cast<bool>(E));
  EXPECT_THAT(llvm::toString(E.takeError()), HasSubstr("malformed verdict"));
}

TEST(VerdictTest, LessonLine) {
  PartVerdict B = sample(LessonPart::Buggy, true), F = sample(LessonPart::Fixed, true),
              S = sample(LessonPart::Static, true);
  EXPECT_EQ(formatLessonLine("data-races/counter", {&B, &F, &S}, 20),
            "PASS  data-races/counter    buggy: data-race 20/20  fixed: clean 20/20  "
            "static: ok");
  PartVerdict Bad = sample(LessonPart::Buggy, false);
  std::string Line = formatLessonLine("data-races/counter", {&Bad, &F, &S}, 0);
  EXPECT_EQ(Line.rfind("FAIL  data-races/counter  buggy: data-race 17/20", 0), 0u);
  EXPECT_THAT(Line, HasSubstr("\n      buggy: runs 3, 9, 14: no data-race report"));
}

TEST(VerdictTest, MissingVerdictFailsTheLesson) {
  PartVerdict B = sample(LessonPart::Buggy, true), S = sample(LessonPart::Static, true);
  std::string Line = formatLessonLine("x/y", {&B, nullptr, &S}, 0);
  EXPECT_EQ(Line.rfind("FAIL", 0), 0u);
  EXPECT_THAT(Line, HasSubstr("fixed: no result (its test did not run)"));
  PartVerdict BadStatic = sample(LessonPart::Static, false);
  BadStatic.Problems = {"- racelab-data-race for expect-race: X (buggy.cpp:4)"};
  PartVerdict F = sample(LessonPart::Fixed, true);
  std::string Mismatch = formatLessonLine("x/y", {&B, &F, &BadStatic}, 0);
  EXPECT_THAT(Mismatch, HasSubstr("static: mismatch"));
  EXPECT_THAT(Mismatch, HasSubstr("\n      static: - racelab-data-race for expect-race"));
}

TEST(VerdictTest, BuildErrorShowsTheFirstLine) {
  PartVerdict B = sample(LessonPart::Buggy, false);
  B.Problems.clear();
  B.BuildError = "buggy.cpp:3:1: error: unknown type name 'strin'\n1 error generated.\n";
  PartVerdict F = sample(LessonPart::Fixed, true), S = sample(LessonPart::Static, true);
  std::string Line = formatLessonLine("x/y", {&B, &F, &S}, 0);
  EXPECT_THAT(Line, HasSubstr("buggy: does not build"));
  EXPECT_THAT(Line, HasSubstr("buggy: buggy.cpp:3:1: error: unknown type name"));
  EXPECT_THAT(Line, testing::Not(HasSubstr("1 error generated")));
}

TEST(VerdictTest, FilesRoundTrip) {
  llvm::SmallString<256> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("racelab-verdict-test", Dir));
  std::string Path = (Dir + "/buggy.json").str();
  ASSERT_FALSE(static_cast<bool>(writeVerdictFile(sample(LessonPart::Buggy, true), Path)));
  auto Back = readVerdictFile(Path);
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_TRUE(Back->Passed);

  {
    std::error_code EC;
    llvm::raw_fd_ostream Half((Dir + "/half.json").str(), EC);
    Half << "{\"lesson\": \"x\", \"vari";
  }
  auto Broken = readVerdictFile((Dir + "/half.json").str());
  ASSERT_FALSE(static_cast<bool>(Broken));
  EXPECT_THAT(llvm::toString(Broken.takeError()), HasSubstr("half.json"));
  auto Missing = readVerdictFile((Dir + "/none.json").str());
  EXPECT_FALSE(static_cast<bool>(Missing));
  llvm::consumeError(Missing.takeError());
  llvm::sys::fs::remove_directories(Dir);
}

TEST(VerdictTest, LessonProblemsAreSaidOnce) {
  PartVerdict B = sample(LessonPart::Buggy, false), F = sample(LessonPart::Fixed, false),
              S = sample(LessonPart::Static, false);
  B.Runs = F.Runs = S.Runs = 0;
  B.Problems = F.Problems = S.Problems = {"lesson.yaml:3:12: error: unknown bug_class 'x'"};
  std::string Line = formatLessonLine("x/y", {&B, &F, &S}, 0);
  EXPECT_THAT(Line, HasSubstr("buggy: not run  fixed: not run  static: not run"));
  EXPECT_EQ(Line.find("unknown bug_class"), Line.rfind("unknown bug_class"));
}

} // namespace
