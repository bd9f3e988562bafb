//===- LabLoaderTest.cpp - Loading and validating lab folders -------------===//
//
// A lab's mistakes (a misspelt key, an unknown criterion, a rubric entry
// without points) must be errors at their line, never a silently different
// grade; the bank lab itself must load with the rubric it documents.
//
//===----------------------------------------------------------------------===//
#include "Lab.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::HasSubstr;

namespace {

/// A copy of the bank lab's lesson with a lab.yaml of the test's own.
class TempLab {
public:
  explicit TempLab(const std::string &LabYaml) {
    llvm::SmallString<256> Root;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("racelab-lab-test", Root));
    this->Root = Root.str().str();
    llvm::sys::path::append(Root, "labs", "bank");
    Dir = Root.str().str();
    EXPECT_FALSE(llvm::sys::fs::create_directories(Dir));
    std::string Bank = std::string(RACELAB_TEST_SOURCE_DIR) + "/samples/labs/bank/";
    for (const char *File : {"lesson.yaml", "buggy.cpp", "fixed.cpp", "README.md"})
      EXPECT_FALSE(llvm::sys::fs::copy_file(Bank + File, Dir + "/" + File)) << File;
    std::error_code EC;
    llvm::raw_fd_ostream OS(Dir + "/lab.yaml", EC);
    OS << LabYaml;
  }
  ~TempLab() { llvm::sys::fs::remove_directories(Root); }

  std::string Dir;

private:
  std::string Root;
};

std::string allErrors(const LabLoadResult &R) {
  return formatDiagnostics(R.Errors);
}

const char *Minimal = "title: T\n"
                      "submission: bank.cpp\n"
                      "threads: 4\n"
                      "rubric:\n"
                      "  - {check: builds, points: 10}\n";

TEST(LabLoader, LoadsTheBankLab) {
  LabLoadResult R = loadLab(std::string(RACELAB_TEST_SOURCE_DIR) + "/samples/labs/bank");
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  const Lab &L = *R.Loaded;
  EXPECT_EQ(L.Id, "labs/bank");
  EXPECT_EQ(L.SubmissionFile, "bank.cpp");
  EXPECT_EQ(L.Threads, 4u);
  EXPECT_EQ(L.ExpectedOutput, "total=8000\n");
  EXPECT_EQ(L.maxScore(), 100);
  ASSERT_NE(L.item(Criterion::Racecheck), nullptr);
  EXPECT_EQ(L.item(Criterion::Racecheck)->Visible, Visibility::AfterDueDate);
  EXPECT_EQ(L.Rubric.size(), 7u);
  EXPECT_TRUE(llvm::StringRef(L.ReferenceSource).ends_with("fixed.cpp"));
}

TEST(LabLoader, DefaultsComeFromTheLesson) {
  TempLab T(Minimal);
  LabLoadResult R = loadLab(T.Dir);
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  EXPECT_EQ(R.Loaded->ExpectedOutput, "total=8000\n");
  EXPECT_EQ(R.Loaded->Runs, 5u);
  EXPECT_EQ(R.Loaded->Limits.RunSeconds, 30);
  EXPECT_EQ(R.Loaded->Rubric[0].Name, "builds");
}

TEST(LabLoader, ReadsLimitsAndVisibility) {
  TempLab T(std::string(Minimal) +
            "  - {check: racecheck, name: Static, points: 2.5, visibility: hidden}\n"
            "limits: {run_seconds: 12.5, memory_mb: 512, processes: 16}\n"
            "args: [\"2\", \"100\"]\n");
  LabLoadResult R = loadLab(T.Dir);
  ASSERT_TRUE(R.Loaded) << allErrors(R);
  EXPECT_EQ(R.Loaded->Limits.RunSeconds, 12.5);
  EXPECT_EQ(R.Loaded->Limits.MemoryMb, 512u);
  EXPECT_EQ(R.Loaded->Limits.Processes, 16u);
  EXPECT_EQ(R.Loaded->maxScore(), 12.5);
  EXPECT_EQ(R.Loaded->Rubric[1].Visible, Visibility::Hidden);
  EXPECT_EQ(R.Loaded->Args, (std::vector<std::string>{"2", "100"}));
}

struct BadLab {
  const char *Yaml;
  const char *Error;
};

class LabLoaderErrors : public ::testing::TestWithParam<BadLab> {};

TEST_P(LabLoaderErrors, NamesTheProblemAndItsLine) {
  TempLab T(GetParam().Yaml);
  LabLoadResult R = loadLab(T.Dir);
  ASSERT_FALSE(R.Loaded);
  std::string Errors = allErrors(R);
  EXPECT_THAT(Errors, HasSubstr(GetParam().Error));
  EXPECT_THAT(Errors, HasSubstr("lab.yaml:"));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LabLoaderErrors,
    ::testing::Values(
        BadLab{"", "empty lab.yaml"},
        BadLab{"title: T\nthreads: 4\nrubric:\n  - {check: builds, points: 1}\n",
               "missing required key 'submission'"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\nrun: 5\n"
               "rubric:\n  - {check: builds, points: 1}\n",
               "unknown key 'run'"},
        BadLab{"title: T\nsubmission: ../bank.cpp\nthreads: 4\n"
               "rubric:\n  - {check: builds, points: 1}\n",
               "plain file name"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\n"
               "rubric:\n  - {check: speed, points: 1}\n",
               "unknown check 'speed'"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\n"
               "rubric:\n  - {check: builds}\n",
               "needs 'check' and 'points'"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\n"
               "rubric:\n  - {check: builds, points: 1}\n  - {check: builds, points: 2}\n",
               "appears twice"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\n"
               "rubric:\n  - {check: builds, points: 1, visibility: later}\n",
               "unknown visibility 'later'"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\nlimits: {memory_mb: 4}\n"
               "rubric:\n  - {check: builds, points: 1}\n",
               "'limits.memory_mb' must be a whole number from 64"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\nlimits: {cpu: 4}\n"
               "rubric:\n  - {check: builds, points: 1}\n",
               "unknown limit 'cpu'"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: 4\nrubric: []\n",
               "'rubric' is empty"},
        BadLab{"title: T\nsubmission: bank.cpp\nthreads: [4\n", "lab.yaml:3"}));

TEST(LabLoader, AFolderWithoutLabYamlIsNoLab) {
  LabLoadResult R = loadLab(std::string(RACELAB_TEST_SOURCE_DIR) +
                            "/samples/data-races/lambda-capture-by-reference");
  ASSERT_FALSE(R.Loaded);
  EXPECT_THAT(allErrors(R), HasSubstr("cannot read lab.yaml"));
}

} // namespace
