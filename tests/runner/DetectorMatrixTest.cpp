//===- DetectorMatrixTest.cpp - Helgrind/DRD logs and the lesson index ----===//
//
// The kinds of error read from real Helgrind and DRD logs (recorded from
// lessons, tests/fixtures/valgrind), the cells and the Markdown of the
// generated samples/README.md, and a real valgrind run.
//
//===----------------------------------------------------------------------===//
#include "DetectorMatrix.h"
#include "ScratchDir.h"
#include "ValgrindRun.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

std::vector<std::string> kindsIn(const std::string &Log) {
  auto Buffer =
      llvm::MemoryBuffer::getFile(std::string(RACELAB_TEST_FIXTURES) + "/valgrind/" + Log);
  EXPECT_TRUE(static_cast<bool>(Buffer)) << Log;
  return Buffer ? valgrindErrorKinds((*Buffer)->getBuffer()) : std::vector<std::string>();
}

TEST(ValgrindKindsTest, RecordedLogs) {
  EXPECT_THAT(kindsIn("hg-race.log"), ElementsAre("data-race"));
  EXPECT_THAT(kindsIn("drd-race.log"), ElementsAre("data-race"));
  EXPECT_THAT(kindsIn("hg-abba.log"), ElementsAre("lock-order"));
  EXPECT_THAT(kindsIn("drd-self.log"), ElementsAre("double-lock"));
  // Notifying after unlocking is correct C++; both tools still flag it.
  EXPECT_THAT(kindsIn("hg-lw.log"), ElementsAre("cv-misuse"));
  EXPECT_THAT(kindsIn("drd-lw.log"), ElementsAre("cv-misuse"));
}

TEST(ValgrindKindsTest, ContextLinesAreNotErrors) {
  EXPECT_THAT(valgrindErrorKinds("==1== Thread #2 was created\n"
                                 "==1==    at 0x4C88B3F: clone (clone.S:76)\n"
                                 "==1== Locks held: none\n"
                                 "plain program output: Possible data race during\n"),
              IsEmpty());
  EXPECT_THAT(valgrindErrorKinds("==7== Thread #3 unlocked a not-locked lock at 0x1\n"),
              ElementsAre("other"));
}

TEST(ValgrindRunTest, RealValgrind) {
  auto Valgrind = llvm::sys::findProgramByName("valgrind");
  if (!Valgrind)
    GTEST_SKIP() << "valgrind is not installed (ci/install-deps.sh installs it)";
  auto True = llvm::sys::findProgramByName("true");
  ASSERT_TRUE(static_cast<bool>(True));
  ValgrindSpec Spec;
  Spec.Valgrind = *Valgrind;
  Spec.Program = *True;
  Spec.TimeoutSeconds = 60;
  ValgrindOutcome Clean = runUnderValgrind(Spec);
  EXPECT_EQ(Clean.Problem, "");
  EXPECT_THAT(Clean.Kinds, IsEmpty());
  EXPECT_FALSE(Clean.TimedOut);

  Spec.Program = "/nonexistent/program";
  ValgrindOutcome Missing = runUnderValgrind(Spec);
  EXPECT_THAT(Missing.Problem, HasSubstr("valgrind failed"));
}

/// A stand-in for valgrind that prints the recorded log LOG to stderr and
/// exits as valgrind does when it reported errors.
std::string fakeValgrind(const ScratchDir &Dir, const std::string &Log) {
  std::string Path = Dir.file("valgrind");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << "#!/bin/sh\ncat '" << RACELAB_TEST_FIXTURES << "/valgrind/" << Log
       << "' >&2\nexit 99\n";
  }
  EXPECT_FALSE(llvm::sys::fs::setPermissions(Path, llvm::sys::fs::all_read |
                                                       llvm::sys::fs::all_exe |
                                                       llvm::sys::fs::owner_write));
  return Path;
}

TEST(ValgrindRunTest, NotifyWithoutTheMutexIsLeftOut) {
  auto Dir = ScratchDir::create("racelab-valgrind-test");
  ASSERT_TRUE(static_cast<bool>(Dir));
  ValgrindSpec Spec;
  Spec.Program = "/bin/true";
  Spec.Valgrind = fakeValgrind(*Dir, "hg-lw.log");
  ValgrindOutcome Cv = runUnderValgrind(Spec);
  EXPECT_EQ(Cv.Problem, "");
  EXPECT_THAT(Cv.Kinds, IsEmpty()); // not "other" either
  Spec.Valgrind = fakeValgrind(*Dir, "hg-abba.log");
  EXPECT_THAT(runUnderValgrind(Spec).Kinds, ElementsAre("lock-order"));
}

TEST(DetectorMatrixTest, Cells) {
  DetectorCell C;
  EXPECT_EQ(describeCell(C), "not installed");
  C.Ran = true;
  EXPECT_EQ(describeCell(C), "—");
  C.BuggyHung = true;
  EXPECT_EQ(describeCell(C), "— (hangs)");
  C.OnBuggy = {"double-lock"};
  EXPECT_EQ(describeCell(C), "double-lock, then hangs");
  C.BuggyHung = false;
  C.OnFixed = {"cv-misuse", "other"};
  EXPECT_EQ(describeCell(C), "double-lock; on the fix too: cv-misuse, other");
  DetectorCell Quiet;
  Quiet.Ran = true;
  EXPECT_EQ(describeCell(Quiet, BugClass::Performance), "clean");
  EXPECT_EQ(describeCell(Quiet, BugClass::AtomicityViolation), "—");
  Quiet.OnFixed = {"data-race"};
  EXPECT_EQ(describeCell(Quiet, BugClass::Performance), "—; on the fix too: data-race");
}

TEST(DetectorMatrixTest, ChaptersInCourseOrder) {
  MatrixRow A;
  A.Id = "data-races/b";
  A.Topic = "data-races";
  A.Title = "B | with a pipe";
  A.Racecheck.Ran = A.Tsan.Ran = true;
  A.Racecheck.OnBuggy = {"data-race"};
  A.Tsan.OnBuggy = {"data-race"};
  MatrixRow B = A;
  B.Id = "data-races/a";
  B.Title = "A";
  MatrixRow C;
  C.Id = "intro/first";
  C.Topic = "intro";
  C.Title = "First";
  C.Class = BugClass::Performance;
  std::string Text = renderMatrix({{"intro", "Introduction", true},
                                   {"unused", "Unused", false},
                                   {"data-races", "Data races", false}},
                                  {A, B, C});
  EXPECT_THAT(Text, HasSubstr("3 lessons in 2 chapters"));
  EXPECT_THAT(Text, HasSubstr("## 1. Introduction\n\n[Chapter introduction](intro/README.md)\n"));
  EXPECT_THAT(Text, HasSubstr("## 2. Data races\n\n| Lesson |"));
  EXPECT_THAT(Text, HasSubstr("| [A](data-races/a/README.md) | data-race | data-race | "
                              "data-race | not installed | not installed |\n"
                              "| [B \\| with a pipe](data-races/b/README.md) |"));
  EXPECT_THAT(Text, HasSubstr("| [First](intro/first/README.md) | performance | not installed"));
  C.Racecheck.Ran = true;
  EXPECT_THAT(renderMatrix({{"intro", "Introduction", true}}, {C}),
              HasSubstr("| [First](intro/first/README.md) | performance | clean |"));
}

} // namespace
