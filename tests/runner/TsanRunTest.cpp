//===- TsanRunTest.cpp - Building and running real programs under TSan ----===//
//
// End-to-end checks of the builder and the runner with the real clang-19 and
// TSan runtime: reports come from TSan's private log and nowhere else, so a
// program can neither forge one by printing it nor hide one by closing its
// output; TSAN_OPTIONS from the environment cannot switch detection off.
//
//===----------------------------------------------------------------------===//
#include "CommandContext.h"
#include "ScratchDir.h"

#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <cstdlib>

using namespace racelab;
using ::testing::HasSubstr;

namespace {

/// A racy program whose race is forced with the lesson gate.
const char *Racy = R"cpp(
#include "racelab/interleave.h"
#include <cstdio>
#include <thread>
int Shared;
racelab::HiddenGate G;
int main() {
  std::thread T([] { Shared = 1; G.open(); });
  G.wait();
  Shared = 2;
  T.join();
  std::printf("done\n");
}
)cpp";

class TsanRunTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto C = CommandContext::create("tsan_run_test", "", /*UseCcache=*/true);
    ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
    Ctx = C->release();
  }
  static void TearDownTestSuite() {
    delete Ctx;
    Ctx = nullptr;
  }

  void SetUp() override {
    auto Dir = ScratchDir::create("racelab-tsanrun-test");
    ASSERT_TRUE(static_cast<bool>(Dir));
    Scratch.emplace(std::move(*Dir));
  }

  /// Writes Source to a file and builds it; the binary's path.
  std::string build(const std::string &Name, const std::string &Source) {
    std::string Path = Scratch->file(Name + ".cpp");
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Path, EC);
      EXPECT_FALSE(EC);
      OS << Source;
    }
    BuildSpec Spec;
    Spec.Source = Path;
    Spec.OutputDir = Scratch->path();
    Spec.OutputName = Name;
    BuildResult R = Ctx->Builder.build(Spec);
    EXPECT_TRUE(R.Ok) << R.Diagnostics;
    return R.Binary;
  }

  TsanRunResult run(const std::string &Binary) {
    TsanRunSpec Spec;
    Spec.Binary = Binary;
    Spec.TimeoutSeconds = 30;
    return Ctx->Runner.run(Spec);
  }

  static CommandContext *Ctx;
  std::optional<ScratchDir> Scratch;
};

CommandContext *TsanRunTest::Ctx = nullptr;

TEST_F(TsanRunTest, RaceIsReadFromThePrivateLog) {
  std::string Bin = build("racy", Racy);
  TsanRunResult R = run(Bin);
  EXPECT_EQ(R.Process.ExitCode, 66);
  EXPECT_EQ(R.Process.Stdout, "done\n");
  // Nothing of the report reaches the program's own streams.
  EXPECT_THAT(R.Process.Stderr, testing::Not(HasSubstr("ThreadSanitizer")));
  ASSERT_EQ(R.Log.Reports.size(), 1u);
  EXPECT_EQ(R.Log.Reports[0].Kind, TsanReportKind::DataRace);
  EXPECT_EQ(R.LogFiles, 1u);
  EXPECT_FALSE(R.sanitizerFailed());
}

TEST_F(TsanRunTest, PrintedFakeReportsAreIgnored) {
  std::string Bin = build("fake", R"cpp(
#include <cstdio>
int main() {
  const char *Fake = "==================\n"
                     "WARNING: ThreadSanitizer: data race (pid=1)\n"
                     "SUMMARY: ThreadSanitizer: data race a.cpp:1 in main\n"
                     "==================\n";
  std::fputs(Fake, stdout);
  std::fputs(Fake, stderr);
}
)cpp");
  TsanRunResult R = run(Bin);
  EXPECT_TRUE(R.Process.succeeded());
  EXPECT_TRUE(R.Log.Reports.empty());
}

TEST_F(TsanRunTest, ClosingStderrDoesNotHideTheReport) {
  std::string Source = Racy;
  Source.replace(Source.find("int main() {"), 12, "int main() {\n  close(2);");
  std::string Bin = build("closed", Source);
  TsanRunResult R = run(Bin);
  ASSERT_EQ(R.Log.Reports.size(), 1u);
}

TEST_F(TsanRunTest, RawExitGroupKeepsReportsAlreadyWritten) {
  // Leaving through the raw system call skips TSan's exit handling; the
  // report written at detection time must still be there.
  std::string Source = Racy;
  Source.replace(Source.find("  T.join();"), 11,
                 "  T.join();\n  syscall(SYS_exit_group, 0);");
  std::string Bin = build("exit_group", Source);
  TsanRunResult R = run(Bin);
  EXPECT_EQ(R.Process.ExitCode, 0);
  ASSERT_EQ(R.Log.Reports.size(), 1u);
  EXPECT_FALSE(R.Log.ReportedCount.has_value());
}

TEST_F(TsanRunTest, EnvironmentCannotSwitchTsanOff) {
  std::string Bin = build("env", Racy);
  ::setenv("TSAN_OPTIONS", "report_bugs=0", 1);
  TsanRunResult R = run(Bin);
  ::unsetenv("TSAN_OPTIONS");
  EXPECT_EQ(R.Log.Reports.size(), 1u);
}

TEST_F(TsanRunTest, ExitCode66WithoutReportIsASanitizerProblem) {
  std::string Bin = build("exit66", "#include <cstdlib>\nint main() { std::exit(66); }\n");
  TsanRunResult R = run(Bin);
  EXPECT_TRUE(R.Log.Reports.empty());
  EXPECT_TRUE(R.sanitizerFailed());
  EXPECT_THAT(R.sanitizerProblem(), HasSubstr("exit code 66"));
}

TEST_F(TsanRunTest, ChildProcessesLogToTheirOwnFiles) {
  std::string Bin = build("forked", R"cpp(
#include "racelab/interleave.h"
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
int Shared;
racelab::HiddenGate G;
int main() {
  pid_t Child = fork();
  // Parent and child each race on their own copy of Shared.
  std::thread T([] { Shared = 1; G.open(); });
  G.wait();
  Shared = 2;
  T.join();
  if (Child == 0)
    _exit(0);
  waitpid(Child, nullptr, 0);
}
)cpp");
  TsanRunResult R = run(Bin);
  EXPECT_EQ(R.LogFiles, 2u);
  EXPECT_EQ(R.Log.Reports.size(), 2u);
}

TEST_F(TsanRunTest, CompileErrorsAreReported) {
  std::string Path = Scratch->file("broken.cpp");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << "int main() { return undeclared; }\n";
  }
  BuildSpec Spec;
  Spec.Source = Path;
  Spec.OutputDir = Scratch->path();
  Spec.OutputName = "broken";
  BuildResult R = Ctx->Builder.build(Spec);
  EXPECT_FALSE(R.Ok);
  EXPECT_THAT(R.Diagnostics, HasSubstr("broken.cpp:1:21: error: use of undeclared "
                                       "identifier 'undeclared'"));

  Spec.Source = Scratch->file("missing.cpp");
  BuildResult Missing = Ctx->Builder.build(Spec);
  EXPECT_FALSE(Missing.Ok);
  EXPECT_THAT(Missing.Diagnostics, HasSubstr("no such file"));
}

TEST_F(TsanRunTest, OptionsComeFromTheSanitizersFolder) {
  std::string Options = Ctx->Runner.tsanOptions("/tmp/x y/tsan");
  EXPECT_THAT(Options, HasSubstr("history_size=7"));
  EXPECT_THAT(Options, HasSubstr("second_deadlock_stack=1"));
  // A path with a space is quoted so TSan's flag parser keeps it whole.
  EXPECT_THAT(Options, HasSubstr("log_path=\"/tmp/x y/tsan\""));
}

} // namespace
