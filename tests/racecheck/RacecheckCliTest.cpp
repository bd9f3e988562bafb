//===- RacecheckCliTest.cpp - racecheck's command-line contract -----------===//
//
// The analysis is tested on in-memory code elsewhere; these tests hold the
// racecheck binary to the contract other tools rely on (DESIGN.md): exit
// codes, the text diagnostics, the JSON object, a SARIF 2.1.0 log,
// --verify, configuration files and bad input.
//
//===----------------------------------------------------------------------===//
#include "ScratchDir.h"
#include "Supervisor.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

namespace {

const char *Racy = R"cpp(#include <thread>
int Counter;
void work() { Counter++; }
int main() {
  std::thread A(work), B(work);
  A.join();
  B.join();
}
)cpp";

const char *Clean = R"cpp(#include <mutex>
#include <thread>
int Counter;
std::mutex M;
void work() { std::lock_guard<std::mutex> L(M); Counter++; }
int main() {
  std::thread A(work), B(work);
  A.join();
  B.join();
}
)cpp";

class RacecheckCliTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto Dir = ScratchDir::create("racecheck-cli-test");
    ASSERT_TRUE(static_cast<bool>(Dir));
    Scratch.emplace(std::move(*Dir));
  }

  std::string write(const std::string &Name, const std::string &Text) {
    std::string Path = Scratch->file(Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return Path;
  }

  /// Runs racecheck in the scratch directory, so relative paths work.
  ProcessResult racecheck(std::vector<std::string> Args) {
    ProcessSpec Spec;
    Spec.Argv = {RACELAB_RACECHECK_BINARY};
    Spec.Argv.insert(Spec.Argv.end(), Args.begin(), Args.end());
    Spec.WorkingDir = Scratch->path();
    Spec.TimeoutSeconds = 120;
    return runSupervised(Spec);
  }

  std::optional<ScratchDir> Scratch;
};

TEST_F(RacecheckCliTest, TextDiagnosticsLikeClangsOwn) {
  write("racy.cpp", Racy);
  ProcessResult R = racecheck({"racy.cpp"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_THAT(R.Stderr, HasSubstr("racy.cpp:3:15: warning: data race on 'Counter'"));
  EXPECT_THAT(R.Stderr, HasSubstr("[racelab-data-race]"));
  EXPECT_THAT(R.Stderr, HasSubstr("    3 | void work() { Counter++; }\n"
                                  "      |               ^"));
  EXPECT_THAT(R.Stderr, HasSubstr("note: conflicting write of 'Counter'"));
  EXPECT_THAT(R.Stderr, HasSubstr("racy.cpp:5:15: note: thread started here runs 'work'"));
  EXPECT_THAT(R.Stderr, HasSubstr("racy.cpp:5:24: note: thread started here runs 'work'"));
}

TEST_F(RacecheckCliTest, CleanFileExitsZeroSilently) {
  write("clean.cpp", Clean);
  ProcessResult R = racecheck({"clean.cpp"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_THAT(R.Stderr, Not(HasSubstr("warning")));
  EXPECT_EQ(R.Stdout, "");
}

TEST_F(RacecheckCliTest, JsonContract) {
  write("racy.cpp", Racy);
  ProcessResult R = racecheck({"--format=json", "racy.cpp", "--", "-std=c++20"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  auto Parsed = llvm::json::parse(R.Stdout);
  ASSERT_TRUE(static_cast<bool>(Parsed)) << R.Stdout;
  const llvm::json::Object *Root = Parsed->getAsObject();
  ASSERT_NE(Root, nullptr);
  EXPECT_EQ(Root->getInteger("version"), 1);
  const llvm::json::Array *Diags = Root->getArray("diagnostics");
  ASSERT_NE(Diags, nullptr);
  ASSERT_EQ(Diags->size(), 1u);
  const llvm::json::Object *D = (*Diags)[0].getAsObject();
  EXPECT_EQ(D->getString("check"), "racelab-data-race");
  EXPECT_EQ(D->getString("severity"), "warning");
  EXPECT_EQ(D->getString("file"), "racy.cpp"); // As given on the command line.
  EXPECT_EQ(D->getInteger("line"), 3);
  EXPECT_EQ(D->getInteger("column"), 15);
  EXPECT_THAT(D->getString("message")->str(), HasSubstr("data race on 'Counter'"));
  const llvm::json::Array *Notes = D->getArray("notes");
  ASSERT_NE(Notes, nullptr);
  ASSERT_GE(Notes->size(), 1u);
  const llvm::json::Object *N = (*Notes)[0].getAsObject();
  for (const char *Key : {"file", "line", "column", "message"})
    EXPECT_NE(N->get(Key), nullptr) << Key;
}

TEST_F(RacecheckCliTest, JsonForACleanFile) {
  write("clean.cpp", Clean);
  ProcessResult R = racecheck({"--format=json", "clean.cpp"});
  EXPECT_EQ(R.ExitCode, 0);
  auto Parsed = llvm::json::parse(R.Stdout);
  ASSERT_TRUE(static_cast<bool>(Parsed));
  EXPECT_EQ(Parsed->getAsObject()->getArray("diagnostics")->size(), 0u);
}

TEST_F(RacecheckCliTest, SarifStructure) {
  write("racy.cpp", Racy);
  ProcessResult R = racecheck({"--format=sarif", "racy.cpp"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  auto Parsed = llvm::json::parse(R.Stdout);
  ASSERT_TRUE(static_cast<bool>(Parsed)) << R.Stdout;
  const llvm::json::Object *Log = Parsed->getAsObject();
  EXPECT_EQ(Log->getString("version"), "2.1.0");
  EXPECT_THAT(Log->getString("$schema")->str(), HasSubstr("sarif-schema-2.1.0"));
  const llvm::json::Array *Runs = Log->getArray("runs");
  ASSERT_NE(Runs, nullptr);
  ASSERT_EQ(Runs->size(), 1u);
  const llvm::json::Object *Run = (*Runs)[0].getAsObject();
  const llvm::json::Object *Driver =
      Run->getObject("tool") ? Run->getObject("tool")->getObject("driver") : nullptr;
  ASSERT_NE(Driver, nullptr);
  EXPECT_EQ(Driver->getString("name"), "racecheck");
  const llvm::json::Array *Rules = Driver->getArray("rules");
  ASSERT_NE(Rules, nullptr);
  ASSERT_GE(Rules->size(), 1u);
  EXPECT_EQ((*Rules)[0].getAsObject()->getString("id"), "racelab-data-race");

  const llvm::json::Array *Results = Run->getArray("results");
  ASSERT_NE(Results, nullptr);
  ASSERT_EQ(Results->size(), 1u);
  const llvm::json::Object *Result = (*Results)[0].getAsObject();
  EXPECT_EQ(Result->getString("ruleId"), "racelab-data-race");
  EXPECT_EQ(Result->getString("level"), "warning");
  EXPECT_THAT(Result->getObject("message")->getString("text")->str(),
              HasSubstr("data race on 'Counter'"));
  const llvm::json::Object *Physical = (*Result->getArray("locations"))[0]
                                           .getAsObject()
                                           ->getObject("physicalLocation");
  ASSERT_NE(Physical, nullptr);
  EXPECT_THAT(Physical->getObject("artifactLocation")->getString("uri")->str(),
              HasSubstr("racy.cpp"));
  EXPECT_EQ(Physical->getObject("region")->getInteger("startLine"), 3);
  // The notes travel as a code flow.
  const llvm::json::Array *Flows = Result->getArray("codeFlows");
  ASSERT_NE(Flows, nullptr);
  ASSERT_GE(Flows->size(), 1u);
}

TEST_F(RacecheckCliTest, VerifyMatchesAnnotations) {
  std::string Annotated = Racy;
  Annotated.replace(Annotated.find("Counter++; }"), 12,
                    "Counter++; } // expect-race: Counter");
  write("buggy.cpp", Annotated);
  ProcessResult R = racecheck({"--verify", "buggy.cpp"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stdout << R.Stderr;
  EXPECT_THAT(R.Stdout, HasSubstr("buggy.cpp: --verify: OK (1 finding matches"));
}

TEST_F(RacecheckCliTest, VerifyReportsMissingAndUnexpected) {
  // The race is not annotated, and a label names a race that is not there.
  std::string Text = Clean;
  Text += "// expect-race@3: Ghost\n";
  write("clean.cpp", Text);
  write("racy.cpp", Racy);
  ProcessResult R = racecheck({"--verify", "clean.cpp", "racy.cpp"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_THAT(R.Stdout, HasSubstr("clean.cpp: --verify: 0 unexpected, 1 missing"));
  EXPECT_THAT(R.Stdout, HasSubstr("- racelab-data-race for expect-race: Ghost (clean.cpp:3)"));
  EXPECT_THAT(R.Stdout, HasSubstr("racy.cpp: --verify: 1 unexpected, 0 missing"));
  EXPECT_THAT(R.Stdout, HasSubstr("+ racelab-data-race at racy.cpp:3:15"));
  EXPECT_THAT(R.Stdout, HasSubstr("(line 3 not annotated expect-race)"));
}

TEST_F(RacecheckCliTest, VerifyRejectsMalformedAnnotations) {
  std::string Text = Racy;
  Text += "// expect-rcae: Counter\n";
  write("bad.cpp", Text);
  ProcessResult R = racecheck({"--verify", "bad.cpp"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_THAT(R.Stdout, HasSubstr("bad.cpp:9:4: error: unknown annotation 'expect-rcae'"));
}

TEST_F(RacecheckCliTest, MissingFile) {
  ProcessResult R = racecheck({"nowhere.cpp"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_EQ(R.Stderr, "racecheck: error: nowhere.cpp: no such file\n");
}

TEST_F(RacecheckCliTest, BadFlagsAndFormats) {
  write("racy.cpp", Racy);
  ProcessResult Flag = racecheck({"--no-such-flag", "racy.cpp"});
  EXPECT_EQ(Flag.ExitCode, 2);
  EXPECT_THAT(Flag.Stderr, HasSubstr("no-such-flag"));
  ProcessResult Format = racecheck({"--format=xml", "racy.cpp"});
  EXPECT_EQ(Format.ExitCode, 2);
  EXPECT_THAT(Format.Stderr, HasSubstr("--format must be text, json or sarif"));
  ProcessResult None = racecheck({});
  EXPECT_EQ(None.ExitCode, 2);
}

TEST_F(RacecheckCliTest, FileThatDoesNotCompile) {
  write("broken.cpp", "#include <thread>\nint main() { std::thred T; }\n");
  ProcessResult R = racecheck({"broken.cpp"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_THAT(R.Stderr, HasSubstr("broken.cpp:2:19: error: no type named 'thred'"));
  EXPECT_THAT(R.Stderr, HasSubstr("a file did not compile"));
}

TEST_F(RacecheckCliTest, ConfigFileNextToTheSources) {
  const char *Pool = R"cpp(#include <functional>
struct Pool { void submit(std::function<void()> F); void wait(); };
long Done;
int main() {
  Pool P;
  for (int I = 0; I < 4; ++I)
    P.submit([] { Done++; });
  P.wait();
}
)cpp";
  write("pool.cpp", Pool);
  EXPECT_EQ(racecheck({"pool.cpp"}).ExitCode, 0);
  write(".racecheck.yaml", "spawn:\n  - function: Pool::submit\n    callable_arg: 0\n"
                           "join: [Pool::wait]\n");
  ProcessResult R = racecheck({"pool.cpp"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_THAT(R.Stderr, HasSubstr("pool.cpp:7:19: warning: data race on 'Done'"));
  // The same from the command line instead of the file.
  write(".racecheck.yaml", "");
  EXPECT_EQ(racecheck({"--spawn-function=Pool::submit:0", "pool.cpp"}).ExitCode, 1);
}

TEST_F(RacecheckCliTest, BrokenConfigFileIsAnError) {
  write("racy.cpp", Racy);
  write(".racecheck.yaml", "spawn:\n  - function: Pool::submit\n    callable_arg: x\n");
  ProcessResult R = racecheck({"racy.cpp"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_THAT(R.Stderr, HasSubstr(".racecheck.yaml:3:19: callable_arg must be a whole number"));
}

TEST_F(RacecheckCliTest, CompilationDatabase) {
  std::string Src = write("racy.cpp", Racy);
  write("compile_commands.json",
        "[{\"directory\": \"" + Scratch->path() + "\", \"file\": \"" + Src +
            "\", \"arguments\": [\"clang++-19\", \"-std=c++20\", \"-c\", \"" + Src +
            "\"]}]");
  ProcessResult R = racecheck({"-p", Scratch->path(), "--format=json"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_THAT(R.Stdout, HasSubstr("racelab-data-race"));
}

TEST_F(RacecheckCliTest, CompileFlagsFileAboveTheSources) {
  // Flags from a compile_flags.txt, with an include path relative to it
  // (what samples/compile_flags.txt does); files are named as given.
  ASSERT_FALSE(llvm::sys::fs::create_directories(Scratch->file("course/inc")));
  write("course/compile_flags.txt", "-std=c++20\n-Iinc\n");
  write("course/inc/shared.h", "extern int Counter;\n");
  write("course/racy.cpp", std::string("#include \"shared.h\"\n") + Racy);
  ProcessResult R = racecheck({"course/racy.cpp"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_THAT(R.Stderr, StartsWith("course/racy.cpp:4:15: warning: data race on 'Counter'"));
}

TEST_F(RacecheckCliTest, FixItsAndFixNotes) {
  write("early.cpp", R"cpp(#include <thread>
void work();
bool failed();
int run() {
  std::thread T(work);
  if (failed())
    return 1;
  T.join();
  return 0;
}
)cpp");
  ProcessResult R = racecheck({"early.cpp", "--", "-std=c++20"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_THAT(R.Stderr, HasSubstr("    5 |   std::thread T(work);\n"
                                  "      |   ~~~~~~~~~~~ ^\n"
                                  "      |   std::jthread\n"));
  // C++17 has no std::jthread: a note says the fix instead.
  R = racecheck({"early.cpp", "--", "-std=c++17"});
  EXPECT_THAT(R.Stderr, Not(HasSubstr("|   std::jthread\n")));
  EXPECT_THAT(R.Stderr, HasSubstr("early.cpp:5:15: note: to fix, join 'T' before line 7, or "
                                  "declare it std::jthread"));
}

TEST_F(RacecheckCliTest, CSources) {
  write("racy.c", R"c(#include <pthread.h>
#include <stddef.h>
static long Hits;
static void *worker(void *Arg) { (void)Arg; Hits++; return NULL; }
int main(void) {
  pthread_t A, B;
  pthread_create(&A, NULL, worker, NULL);
  pthread_create(&B, NULL, worker, NULL);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  return 0;
}
)c");
  ProcessResult R = racecheck({"racy.c"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_THAT(R.Stderr, HasSubstr("racy.c:4:45: warning: data race on 'Hits'"));
}

TEST_F(RacecheckCliTest, ListChecks) {
  ProcessResult R = racecheck({"--list-checks"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_THAT(R.Stdout, HasSubstr("racelab-data-race\n"));
}

} // namespace
