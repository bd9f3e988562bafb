//===- GradeReportTest.cpp - The formats a grade is written in ------------===//
//
// Gradescope reads results.json with a fixed shape; CI systems read JUnit;
// feedback holds whatever a program printed. The shapes are checked field by
// field, and hostile feedback (markup, control bytes, invalid UTF-8) must
// still give well-formed files.
//
//===----------------------------------------------------------------------===//
#include "GradeReport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

GradeResult sampleResult() {
  GradeResult R;
  R.LabId = "labs/bank";
  R.LabTitle = "Bank";
  R.Submission = "bank.cpp";
  R.SandboxText = "bubblewrap";
  CriterionResult Builds;
  Builds.Check = Criterion::Builds;
  Builds.Name = "Builds";
  Builds.MaxScore = Builds.Score = 10;
  Builds.Passed = true;
  Builds.Feedback = "It compiles.";
  CriterionResult Output;
  Output.Check = Criterion::Output;
  Output.Name = "Output <total>";
  Output.MaxScore = 15;
  Output.Score = 7.5;
  Output.Visible = Visibility::AfterDueDate;
  Output.Feedback = std::string("Run 1 printed:\ntotal=<&>\x01\x1b[31m\xff\xfe end");
  R.Criteria = {Builds, Output};
  R.Score = 17.5;
  R.MaxScore = 25;
  return R;
}

TEST(GradeReport, GradescopeShape) {
  llvm::json::Value V = gradescopeJSON(sampleResult());
  const llvm::json::Object *O = V.getAsObject();
  ASSERT_TRUE(O);
  EXPECT_EQ(O->getNumber("score"), 17.5);
  EXPECT_EQ(O->getNumber("max_score"), 25);
  const llvm::json::Array *Tests = O->getArray("tests");
  ASSERT_TRUE(Tests);
  ASSERT_EQ(Tests->size(), 2u);
  const llvm::json::Object *T = (*Tests)[1].getAsObject();
  for (const char *Key : {"name", "status", "visibility", "output", "output_format"})
    EXPECT_TRUE(T->getString(Key)) << Key;
  EXPECT_EQ(T->getNumber("score"), 7.5);
  EXPECT_EQ(T->getNumber("max_score"), 15);
  EXPECT_EQ(*T->getString("status"), "failed");
  EXPECT_EQ(*T->getString("visibility"), "after_due_date");
  EXPECT_EQ(*(*Tests)[0].getAsObject()->getString("status"), "passed");
}

TEST(GradeReport, JsonNamesCriteriaById) {
  llvm::json::Value V = gradeJSON(sampleResult());
  const llvm::json::Object *O = V.getAsObject();
  ASSERT_TRUE(O);
  EXPECT_EQ(O->getInteger("version"), 1);
  EXPECT_EQ(*O->getString("lab"), "labs/bank");
  const llvm::json::Array *C = O->getArray("criteria");
  ASSERT_TRUE(C && C->size() == 2);
  EXPECT_EQ(*(*C)[1].getAsObject()->getString("id"), "output");
  // Invalid UTF-8 from a program is repaired, not passed on.
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << V;
  EXPECT_TRUE(llvm::json::isUTF8(Text));
  EXPECT_TRUE(static_cast<bool>(llvm::json::parse(Text)));
}

TEST(GradeReport, JUnitEscapesHostileFeedback) {
  std::string Xml;
  llvm::raw_string_ostream OS(Xml);
  printGradeJUnit(OS, sampleResult());
  EXPECT_THAT(Xml, HasSubstr("tests=\"2\" failures=\"1\""));
  EXPECT_THAT(Xml, HasSubstr("total=&lt;&amp;&gt;"));
  EXPECT_THAT(Xml, HasSubstr("Output &lt;total&gt;"));
  EXPECT_THAT(Xml, Not(HasSubstr("\x01")));
  EXPECT_THAT(Xml, Not(HasSubstr("\x1b")));
  EXPECT_TRUE(llvm::json::isUTF8(Xml));
  EXPECT_THAT(Xml, HasSubstr("<failure message=\"Output &lt;total&gt;\">"));
}

TEST(GradeReport, TextShowsEveryCriterion) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  printGradeText(OS, sampleResult());
  EXPECT_THAT(Text, HasSubstr("Score: 17.5 / 25"));
  EXPECT_THAT(Text, HasSubstr("[PASS]"));
  EXPECT_THAT(Text, HasSubstr("[FAIL]"));
  EXPECT_THAT(Text, HasSubstr("after_due_date"));
  EXPECT_THAT(Text, HasSubstr("       Run 1 printed:"));
}

TEST(GradeReport, WritesWholeFilesAndLeavesNoTemporaries) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("racelab-grade-report", Dir));
  std::string Path = (Dir + "/results.json").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << "old contents that are longer than nothing";
  }
  ASSERT_FALSE(static_cast<bool>(
      writeGradeReport(sampleResult(), GradeFormat::Gradescope, Path)));
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  ASSERT_TRUE(Buffer);
  EXPECT_TRUE(static_cast<bool>(llvm::json::parse((*Buffer)->getBuffer())));
  unsigned Files = 0;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    ++Files;
  EXPECT_EQ(Files, 1u);
  // A folder that does not exist is an error, not a crash or a stray file.
  EXPECT_TRUE(static_cast<bool>(llvm::errorToBool(
      writeGradeReport(sampleResult(), GradeFormat::Json, (Dir + "/no/such/r.json").str()))));
  llvm::sys::fs::remove_directories(Dir);
}

TEST(GradeReport, FormatNames) {
  EXPECT_EQ(gradeFormatFromName("gradescope"), GradeFormat::Gradescope);
  EXPECT_EQ(gradeFormatFromName("junit"), GradeFormat::JUnit);
  EXPECT_EQ(gradeFormatFromName("xml"), std::nullopt);
}

} // namespace
