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

VariantVerdict sample(Variant Which, bool Passed) {
  VariantVerdict V;
  V.LessonId = "data-races/counter";
  V.Which = Which;
  V.Expectation = Which == Variant::Buggy ? "data-race" : "clean";
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
  VariantVerdict V = sample(Variant::Buggy, false);
  auto Back = verdictFromJSON(toJSON(V));
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->LessonId, V.LessonId);
  EXPECT_EQ(Back->Which, Variant::Buggy);
  EXPECT_EQ(Back->Expectation, "data-race");
  EXPECT_FALSE(Back->Passed);
  EXPECT_EQ(Back->Runs, 20u);
  EXPECT_EQ(Back->GoodRuns, 17u);
  EXPECT_DOUBLE_EQ(Back->BuildSeconds, 1.25);
  EXPECT_EQ(Back->Problems, V.Problems);
}

TEST(VerdictTest, MalformedJsonIsAnError) {
  EXPECT_FALSE(static_cast<bool>(verdictFromJSON(llvm::json::Value(3))));
  llvm::json::Object NoVariant{{"lesson", "x"}, {"expectation", "clean"}};
  auto E = verdictFromJSON(llvm::json::Value(std::move(NoVariant)));
  ASSERT_FALSE(static_cast<bool>(E));
  EXPECT_THAT(llvm::toString(E.takeError()), HasSubstr("malformed verdict"));
}

TEST(VerdictTest, LessonLine) {
  VariantVerdict B = sample(Variant::Buggy, true), F = sample(Variant::Fixed, true);
  EXPECT_EQ(formatLessonLine("data-races/counter", &B, &F, 20),
            "PASS  data-races/counter    buggy: data-race 20/20  fixed: clean 20/20");
  VariantVerdict Bad = sample(Variant::Buggy, false);
  std::string Line = formatLessonLine("data-races/counter", &Bad, &F, 0);
  EXPECT_EQ(Line.rfind("FAIL  data-races/counter  buggy: data-race 17/20", 0), 0u);
  EXPECT_THAT(Line, HasSubstr("\n      buggy: runs 3, 9, 14: no data-race report"));
}

TEST(VerdictTest, MissingVerdictFailsTheLesson) {
  VariantVerdict B = sample(Variant::Buggy, true);
  std::string Line = formatLessonLine("x/y", &B, nullptr, 0);
  EXPECT_EQ(Line.rfind("FAIL", 0), 0u);
  EXPECT_THAT(Line, HasSubstr("fixed: no result (its test did not run)"));
}

TEST(VerdictTest, BuildErrorShowsTheFirstLine) {
  VariantVerdict B = sample(Variant::Buggy, false);
  B.Problems.clear();
  B.BuildError = "buggy.cpp:3:1: error: unknown type name 'strin'\n1 error generated.\n";
  VariantVerdict F = sample(Variant::Fixed, true);
  std::string Line = formatLessonLine("x/y", &B, &F, 0);
  EXPECT_THAT(Line, HasSubstr("buggy: does not build"));
  EXPECT_THAT(Line, HasSubstr("buggy: buggy.cpp:3:1: error: unknown type name"));
  EXPECT_THAT(Line, testing::Not(HasSubstr("1 error generated")));
}

TEST(VerdictTest, FilesRoundTrip) {
  llvm::SmallString<256> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("racelab-verdict-test", Dir));
  std::string Path = (Dir + "/buggy.json").str();
  ASSERT_FALSE(static_cast<bool>(writeVerdictFile(sample(Variant::Buggy, true), Path)));
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
  VariantVerdict B = sample(Variant::Buggy, false), F = sample(Variant::Fixed, false);
  B.Runs = F.Runs = 0;
  B.Problems = F.Problems = {"lesson.yaml:3:12: error: unknown bug_class 'x'"};
  std::string Line = formatLessonLine("x/y", &B, &F, 0);
  EXPECT_THAT(Line, HasSubstr("buggy: not run  fixed: not run"));
  EXPECT_EQ(Line.find("unknown bug_class"), Line.rfind("unknown bug_class"));
}

} // namespace
