//===- HandoutTest.cpp - Tests of `racelab handout` -----------------------===//
//
// Annotation stripping on small sources, then a real handout of the tally
// fixture lab: exactly the expected files, and a Makefile whose
// check-races fails on the racy starter and passes on a fixed copy (make
// and clang run for real; each build takes about a second).
//
//===----------------------------------------------------------------------===//
#include "Handout.h"

#include "Annotation.h"
#include "Toolchain.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <set>

using namespace racelab;

namespace {

std::string fixtureLab() {
  llvm::SmallString<256> P(RACELAB_TEST_FIXTURES);
  llvm::sys::path::append(P, "labs", "tally");
  return P.str().str();
}

std::string readAll(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  EXPECT_TRUE(static_cast<bool>(Buffer)) << Path;
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

void writeAll(const std::string &Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  ASSERT_FALSE(EC) << Path;
  OS << Text;
}

std::string join(llvm::StringRef Dir, llvm::StringRef Name) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Name);
  return P.str().str();
}

/// A temporary directory, removed with its contents at the end of a test.
class TempDir {
public:
  TempDir() {
    llvm::SmallString<256> P;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("racelab-handout-test", P));
    Path = P.str().str();
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string Path;
};

SanitizerConfig grader() {
  llvm::SmallString<256> Dir(RACELAB_TEST_SOURCE_DIR);
  llvm::sys::path::append(Dir, "sanitizers");
  llvm::Expected<SanitizerConfig> C = SanitizerConfig::load(Dir.str().str());
  EXPECT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  return C ? *C : SanitizerConfig();
}

Lab loadFixture() {
  LabLoadResult R = loadLab(fixtureLab());
  for (const LessonDiagnostic &D : R.Errors)
    ADD_FAILURE() << D.str();
  return R.Loaded ? *R.Loaded : Lab();
}

std::set<std::string> filesIn(const std::string &Dir) {
  std::set<std::string> Names;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    Names.insert(llvm::sys::path::filename(It->path()).str());
  return Names;
}

struct MakeResult {
  int Status = -1;
  std::string Output;
};

/// `make -C Dir Target`, stdout and stderr together.
MakeResult runMake(const std::string &Dir, llvm::StringRef Target) {
  MakeResult R;
  llvm::ErrorOr<std::string> Make = llvm::sys::findProgramByName("make");
  if (!Make) {
    R.Output = "make not found";
    return R;
  }
  std::string Log = join(Dir, "make.log");
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(Log),
                                                llvm::StringRef(Log)};
  std::string Error;
  R.Status = llvm::sys::ExecuteAndWait(*Make, {"make", "-C", Dir, Target},
                                       std::nullopt, Redirects,
                                       /*SecondsToWait=*/120, 0, &Error);
  R.Output = Error + readAll(Log);
  llvm::sys::fs::remove(Log);
  return R;
}

//===----------------------------------------------------------------------===//
// Stripping
//===----------------------------------------------------------------------===//

TEST(StripAnnotations, TrailingCommentGoesWithTheSpaceBeforeIt) {
  EXPECT_EQ(stripAnnotations("  Counter++;   // expect-race: Counter\n"),
            "  Counter++;\n");
}

TEST(StripAnnotations, LineHoldingOnlyTheCommentDisappears) {
  EXPECT_EQ(stripAnnotations("int A;\n  // expect-race@+1: Total\n  Total += 1;\n"),
            "int A;\n  Total += 1;\n");
}

TEST(StripAnnotations, OtherCommentsAndBlankLinesStay) {
  std::string Source = "// Adds one.\n\nvoid f() { X++; } // not a directive\n"
                       "/* unexpect-ed words stay */\n";
  EXPECT_EQ(stripAnnotations(Source), Source);
}

TEST(StripAnnotations, StringsThatLookLikeCommentsStay) {
  std::string Source =
      "const char *S = \"// expect-race: X\";\n"
      "auto R = R\"x(/* expect-race: Y */)x\";\n"
      "char C = '/'; int N = 1'000; // expect-race: N\n";
  EXPECT_EQ(stripAnnotations(Source),
            "const char *S = \"// expect-race: X\";\n"
            "auto R = R\"x(/* expect-race: Y */)x\";\n"
            "char C = '/'; int N = 1'000;\n");
}

TEST(StripAnnotations, BlockCommentsAnywhere) {
  EXPECT_EQ(stripAnnotations("A = 1 /* expect-race: A */ + B;\n"),
            "A = 1  + B;\n");
  EXPECT_EQ(stripAnnotations("L.lock(); /* expect-double-lock: M */\n"),
            "L.lock();\n");
  // A comment spanning lines takes the lines it leaves empty with it.
  EXPECT_EQ(stripAnnotations("int X;\n/* expect-deadlock:\n   both wait */\nint Y;\n"),
            "int X;\nint Y;\n");
}

TEST(StripAnnotations, WholeCommentGoesWithItsExplanation) {
  EXPECT_EQ(stripAnnotations("f(); // BUG: unlocked. expect-race: X (the fix: a mutex)\n"),
            "f();\n");
}

TEST(StripAnnotations, MisspeltDirectivesAreStrippedToo) {
  // The parser rejects them, but they still point at the bug.
  EXPECT_EQ(stripAnnotations("X++; // expect-rase: X\n"), "X++;\n");
}

TEST(StripAnnotations, KeepsLineEndingsAndAFinalLineWithoutNewline) {
  EXPECT_EQ(stripAnnotations("A++; // expect-race: A\r\nB++;\r\n"), "A++;\r\nB++;\r\n");
  EXPECT_EQ(stripAnnotations("A++; // expect-race: A"), "A++;");
}

TEST(StripAnnotations, NothingParsesAsAnAnnotationAfterwards) {
  std::string Source = readAll(join(fixtureLab(), "buggy.cpp"));
  ASSERT_FALSE(parseAnnotations(Source, "buggy.cpp").Annotations.empty());
  std::string Stripped = stripAnnotations(Source);
  EXPECT_TRUE(parseAnnotations(Stripped, "buggy.cpp").Annotations.empty());
  EXPECT_EQ(Stripped.find("expect-"), std::string::npos);
  // Only the annotation's own line went.
  EXPECT_EQ(std::count(Source.begin(), Source.end(), '\n') - 1,
            std::count(Stripped.begin(), Stripped.end(), '\n'));
}

//===----------------------------------------------------------------------===//
// The handout
//===----------------------------------------------------------------------===//

TEST(Handout, HoldsExactlyTheStarterTheReadmeAndTheMakefile) {
  Lab L = loadFixture();
  TempDir Out;
  std::string Dir = join(Out.Path, "handout");
  ASSERT_FALSE(static_cast<bool>(writeHandout(L, grader(), Dir, false)));
  EXPECT_EQ(filesIn(Dir), (std::set<std::string>{"Makefile", "README.md", "tally.cpp"}));
  EXPECT_EQ(readAll(join(Dir, "tally.cpp")),
            stripAnnotations(readAll(join(fixtureLab(), "buggy.cpp"))));
  EXPECT_EQ(readAll(join(Dir, "README.md")), readAll(join(fixtureLab(), "README.md")));

  std::string Makefile = readAll(join(Dir, "Makefile"));
  // The grader's flags and options, written out literally.
  for (const std::string &Flag : grader().CompileFlags)
    EXPECT_NE(Makefile.find(" " + Flag), std::string::npos) << Flag;
  EXPECT_NE(Makefile.find("history_size=7"), std::string::npos);
  EXPECT_NE(Makefile.find("exitcode=66"), std::string::npos);
  EXPECT_NE(Makefile.find("ARGS = 2 200000\n"), std::string::npos);
}

TEST(Handout, RefusesANonEmptyDirectoryUnlessForced) {
  Lab L = loadFixture();
  TempDir Out;
  writeAll(join(Out.Path, "notes.txt"), "mine\n");
  llvm::Error E = writeHandout(L, grader(), Out.Path, false);
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("--force"), std::string::npos);
  EXPECT_EQ(filesIn(Out.Path), (std::set<std::string>{"notes.txt"}));

  ASSERT_FALSE(static_cast<bool>(writeHandout(L, grader(), Out.Path, true)));
  EXPECT_EQ(filesIn(Out.Path), (std::set<std::string>{"Makefile", "README.md",
                                                     "notes.txt", "tally.cpp"}));
}

TEST(Handout, CommandExitsTwoOnANonEmptyDirectory) {
  TempDir Out;
  writeAll(join(Out.Path, "x"), "");
  HandoutArgs Args;
  Args.LabDir = fixtureLab();
  Args.OutputDir = Out.Path;
  EXPECT_EQ(runHandoutCommand(Args), 2);
  Args.Force = true;
  EXPECT_EQ(runHandoutCommand(Args), 0);
}

TEST(Handout, CheckRacesFailsOnTheStarterAndPassesOnTheFix) {
  Lab L = loadFixture();
  TempDir Out;
  ASSERT_FALSE(static_cast<bool>(writeHandout(L, grader(), Out.Path, false)));

  MakeResult Starter = runMake(Out.Path, "check-races");
  EXPECT_NE(Starter.Status, 0) << Starter.Output;
  EXPECT_NE(Starter.Output.find("ThreadSanitizer reported a problem"), std::string::npos)
      << Starter.Output;
  EXPECT_NE(Starter.Output.find("WARNING: ThreadSanitizer: data race"), std::string::npos)
      << Starter.Output;

  writeAll(join(Out.Path, "tally.cpp"), readAll(join(fixtureLab(), "fixed.cpp")));
  MakeResult Fixed = runMake(Out.Path, "check-races");
  EXPECT_EQ(Fixed.Status, 0) << Fixed.Output;
  EXPECT_NE(Fixed.Output.find("check-races: passed"), std::string::npos) << Fixed.Output;
}

TEST(Handout, CheckRacesFailsOnAWrongOutputAndANonZeroExit) {
  Lab L = loadFixture();
  TempDir Out;
  ASSERT_FALSE(static_cast<bool>(writeHandout(L, grader(), Out.Path, false)));

  // "Fixed" by doing the work in one thread, with the wrong total.
  writeAll(join(Out.Path, "tally.cpp"),
           "#include <cstdio>\nint main() { std::printf(\"total=399999\\n\"); }\n");
  MakeResult Wrong = runMake(Out.Path, "check-races");
  EXPECT_NE(Wrong.Status, 0);
  EXPECT_NE(Wrong.Output.find("wrong output"), std::string::npos) << Wrong.Output;
  EXPECT_NE(Wrong.Output.find("total=399999"), std::string::npos) << Wrong.Output;

  writeAll(join(Out.Path, "tally.cpp"),
           "#include <cstdio>\nint main() { std::printf(\"total=400000\\n\"); return 3; }\n");
  MakeResult Exit = runMake(Out.Path, "check-races");
  EXPECT_NE(Exit.Status, 0);
  EXPECT_NE(Exit.Output.find("exited with status 3"), std::string::npos) << Exit.Output;
}

TEST(Handout, MakefileCarriesAwkwardOutputsAndArgumentsExactly) {
  // Characters make, the shell and printf each treat specially.
  Lab L = loadFixture();
  L.ExpectedOutput = "100% 'done' $HOME #1 \\n\"q\"\ttab\nline two\n";
  L.Args = {"it's", "$x", "#y", "a b"};
  TempDir Out;
  ASSERT_FALSE(static_cast<bool>(writeHandout(L, grader(), Out.Path, false)));
  writeAll(join(Out.Path, "tally.cpp"),
           "#include <cstdio>\n#include <cstring>\n"
           "int main(int Argc, char **Argv) {\n"
           "  const char *Want[] = {\"it's\", \"$x\", \"#y\", \"a b\"};\n"
           "  if (Argc != 5) return 4;\n"
           "  for (int I = 0; I < 4; ++I) if (std::strcmp(Argv[I + 1], Want[I])) return 5;\n"
           "  std::fputs(\"100% 'done' $HOME #1 \\\\n\\\"q\\\"\\ttab\\nline two\\n\", stdout);\n"
           "}\n");
  MakeResult R = runMake(Out.Path, "check-races");
  EXPECT_EQ(R.Status, 0) << R.Output;
}

} // namespace
