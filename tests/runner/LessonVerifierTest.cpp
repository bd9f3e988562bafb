//===- LessonVerifierTest.cpp - Verifying lessons whose bug is a hang -----===//
//
// Real lessons in a temporary folder, built and run under TSan: a buggy
// variant that may hang passes when its threads block at the lines the
// lesson annotates with expect-deadlock, or when TSan reported the bug
// before the program hung, and says why when neither holds; a hang
// anywhere else fails the run, with where every thread was blocked.
//
//===----------------------------------------------------------------------===//
#include "LessonVerifier.h"
#include "CommandContext.h"
#include "ScratchDir.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <map>

using namespace racelab;
using ::testing::HasSubstr;

namespace {

// The threads block at lines 11 and 17, every time.
const char *Deadlock = R"cpp(#include "racelab/interleave.h"
#include <mutex>
#include <thread>

std::mutex A, B;
racelab::HiddenGate AHeld, BHeld;

void first() {
  std::lock_guard<std::mutex> LockA(A); // expect-lock-order: A
  AHeld.open();
  BHeld.wait(); std::lock_guard<std::mutex> LockB(B); // ANNOTATE_FIRST
}

void second() {
  std::lock_guard<std::mutex> LockB(B); // expect-lock-order: B
  BHeld.open();
  AHeld.wait(); std::lock_guard<std::mutex> LockA(A); // ANNOTATE_SECOND
}

int main() {
  std::thread T1(first), T2(second);
  T1.join();
  T2.join();
}
)cpp";

const char *Fixed = R"cpp(#include <cstdio>
int main() { std::puts("ok"); }
)cpp";

std::string replaced(std::string S, const std::string &From, const std::string &To) {
  S.replace(S.find(From), From.size(), To);
  return S;
}

class LessonVerifierTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto C = CommandContext::create("lesson_verifier_test", "", /*UseCcache=*/true);
    ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
    Ctx = C->release();
  }
  static void TearDownTestSuite() {
    delete Ctx;
    Ctx = nullptr;
  }

  void SetUp() override {
    auto Dir = ScratchDir::create("racelab-verifier-test");
    ASSERT_TRUE(static_cast<bool>(Dir));
    Scratch.emplace(std::move(*Dir));
  }

  /// Writes a lesson deadlocks/<Name> and loads it.
  Lesson lesson(const std::string &Name, const std::string &Yaml,
                const std::string &Buggy, const std::string &FixedSource = Fixed) {
    std::string Dir = Scratch->path() + "/deadlocks/" + Name;
    EXPECT_FALSE(llvm::sys::fs::create_directories(Dir));
    std::map<std::string, std::string> Files{
        {"lesson.yaml", "title: T\ntopic: deadlocks\nbug_class: deadlock\n"
                        "tsan_report: lock-order-inversion\ntimeout_seconds: 1\n"
                        "expected_output: \"ok\\n\"\n" +
                            Yaml},
        {"buggy.cpp", Buggy},
        {"fixed.cpp", FixedSource},
        {"README.md", "# T\n"}};
    for (auto &[File, Text] : Files) {
      std::error_code EC;
      llvm::raw_fd_ostream OS(Dir + "/" + File, EC);
      EXPECT_FALSE(EC);
      OS << Text;
    }
    LessonLoadResult R = loadLesson(Dir);
    EXPECT_TRUE(R.Loaded) << formatDiagnostics(R.Errors);
    return R.Loaded ? *R.Loaded : Lesson();
  }

  PartVerdict verify(const Lesson &L, Variant V, unsigned Runs) {
    LessonVerifier Verifier(Ctx->Builder, Ctx->Runner, Ctx->Filter);
    VerifyOptions Options;
    Options.Runs = Runs;
    Options.WorkDir = Scratch->path() + "/work";
    return Verifier.verify(L, V, Options);
  }

  static CommandContext *Ctx;
  std::optional<ScratchDir> Scratch;
};

CommandContext *LessonVerifierTest::Ctx = nullptr;

/// The deadlock annotated at its two blocking lines.
std::string annotated(const std::string &First = "// expect-deadlock",
                      const std::string &Second = "// expect-deadlock") {
  return replaced(replaced(Deadlock, "// ANNOTATE_FIRST", First), "// ANNOTATE_SECOND",
                  Second);
}

TEST_F(LessonVerifierTest, MayHangLessonIsFoundByItsHang) {
  Lesson L = lesson("abba", "may_hang: true\n", annotated());
  PartVerdict V = verify(L, Variant::Buggy, 2);
  EXPECT_TRUE(V.Passed) << ::testing::PrintToString(V.Problems);
  EXPECT_EQ(V.GoodRuns, 2u);
  EXPECT_EQ(formatPartShort(V), "buggy: deadlock found 2/2 (hung 2)");
  EXPECT_TRUE(V.HangDetails.empty());
}

TEST_F(LessonVerifierTest, ReportBeforeTheHangCountsAsTheReport) {
  // main takes A then B first, so when thread 2, holding B, asks for A,
  // TSan reports the inversion; then both threads block for good.
  const char *ReportThenHang = R"cpp(#include "racelab/interleave.h"
#include <mutex>
#include <thread>

std::mutex A, B;
racelab::HiddenGate AHeld, BHeld;

int main() {
  {
    std::lock_guard<std::mutex> LockA(A); // expect-lock-order: A
    std::lock_guard<std::mutex> LockB(B); // expect-lock-order: B
  }
  std::thread T1([] {
    std::lock_guard<std::mutex> LockA(A);
    AHeld.open();
    BHeld.wait();
    std::lock_guard<std::mutex> LockB(B); // expect-deadlock
  });
  std::thread T2([] {
    std::lock_guard<std::mutex> LockB(B); // expect-lock-order: B
    BHeld.open();
    AHeld.wait();
    std::lock_guard<std::mutex> LockA(A); // expect-lock-order: A expect-deadlock
  });
  T1.join();
  T2.join();
}
)cpp";
  Lesson L = lesson("report-then-hang", "may_hang: true\n", ReportThenHang);
  PartVerdict V = verify(L, Variant::Buggy, 1);
  EXPECT_TRUE(V.Passed) << ::testing::PrintToString(V.Problems);
  EXPECT_EQ(formatPartShort(V), "buggy: deadlock found 1/1 (lock-order-inversion 1)");
}

TEST_F(LessonVerifierTest, HangAtOtherLinesSaysWhereTheThreadsAre) {
  // The second thread's line is annotated one line off.
  std::string Buggy = replaced(annotated("// expect-deadlock", ""), "  T2.join();",
                               "  T2.join(); // expect-deadlock");
  Lesson L = lesson("abba-wrong-line", "may_hang: true\n", Buggy);
  PartVerdict V = verify(L, Variant::Buggy, 1);
  EXPECT_FALSE(V.Passed);
  ASSERT_EQ(V.Problems.size(), 1u);
  EXPECT_THAT(V.Problems[0], HasSubstr("run 1: it hung, but no thread is blocked at "
                                       "buggy.cpp:23 ("));
  EXPECT_THAT(V.Problems[0], HasSubstr("blocked locking mutex A held by thread "));
  EXPECT_THAT(V.Problems[0], HasSubstr(" at buggy.cpp:17"));
  ASSERT_EQ(V.HangDetails.size(), 1u);
  EXPECT_THAT(V.HangDetails[0], HasSubstr("run 1: deadlock: the program did not "
                                          "finish within 1 s"));
  EXPECT_THAT(V.HangDetails[0], HasSubstr("wait-for cycle: "));
}

TEST_F(LessonVerifierTest, HangWithoutMayHangFailsWithTheStacks) {
  Lesson L = lesson("abba-no-may-hang", "", annotated());
  PartVerdict V = verify(L, Variant::Buggy, 1);
  EXPECT_FALSE(V.Passed);
  ASSERT_EQ(V.Problems.size(), 1u);
  EXPECT_THAT(V.Problems[0], HasSubstr("run 1: hung: thread 1 waiting to join thread "));
  EXPECT_THAT(V.Problems[0], HasSubstr("wait-for cycle: thread "));
  EXPECT_EQ(formatPartShort(V), "buggy: lock-order-inversion 0/1");
  ASSERT_EQ(V.HangDetails.size(), 1u);
  EXPECT_THAT(V.HangDetails[0], HasSubstr("buggy.cpp:11 in first"));
}

TEST_F(LessonVerifierTest, FixedVariantThatHangsFails) {
  std::string StillDeadlocks = replaced(replaced(Deadlock, "// expect-lock-order: A", ""),
                                        "// expect-lock-order: B", "");
  Lesson L = lesson("abba-fixed-hangs", "may_hang: true\n", annotated(), StillDeadlocks);
  PartVerdict V = verify(L, Variant::Fixed, 1);
  EXPECT_FALSE(V.Passed);
  ASSERT_FALSE(V.Problems.empty());
  EXPECT_THAT(V.Problems[0], HasSubstr("run 1: hung: "));
  EXPECT_EQ(V.HangDetails.size(), 1u);
  EXPECT_TRUE(V.DetectedBy.empty());
}

} // namespace
