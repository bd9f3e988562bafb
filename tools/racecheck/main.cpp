//===- main.cpp - racecheck: the static race checker ----------------------===//
//
//   racecheck [--format=text|json|sarif] [--verify] FILE... [-- COMPILER-ARGS]
//   racecheck -p BUILD_DIR [FILE...]
//
// Exit status: 0 no findings (or, with --verify, findings match the
// annotations), 1 findings (or a --verify mismatch), 2 bad usage, a missing
// file, a broken configuration or a file that does not compile.
//
//===----------------------------------------------------------------------===//
#include "ConfigFiles.h"
#include "FindingMessages.h"
#include "RacecheckRunner.h"
#include "Verify.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace racelab;
using namespace racelab::racecheck;

namespace {

cl::OptionCategory Category("racecheck options");

cl::list<std::string> Sources(cl::Positional, cl::desc("FILE..."), cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory with compile_commands.json"),
                               cl::cat(Category));
cl::opt<std::string> Format("format", cl::desc("Output: text (default), json or sarif"),
                            cl::init("text"), cl::cat(Category));
cl::opt<bool> VerifyMode("verify",
                         cl::desc("Compare the findings with the expect-* annotations "
                                  "in each file"),
                         cl::cat(Category));
cl::opt<std::string> ConfigFile("config",
                                cl::desc("Use this configuration file instead of the "
                                         "nearest .racecheck.yaml"),
                                cl::cat(Category));
cl::list<std::string> SpawnFunctions(
    "spawn-function",
    cl::desc("A function that runs a callable on another thread: NAME or "
             "NAME:CALLABLE_ARG_INDEX (repeatable)"),
    cl::cat(Category));
cl::list<std::string> JoinFunctions("join-function",
                                    cl::desc("A function that waits for the threads "
                                             "started through its object (repeatable)"),
                                    cl::cat(Category));
cl::list<std::string> LockFunctions("lock-function",
                                    cl::desc("A function that locks its object or first "
                                             "argument (repeatable)"),
                                    cl::cat(Category));
cl::list<std::string> UnlockFunctions("unlock-function",
                                      cl::desc("A function that unlocks its object or "
                                               "first argument (repeatable)"),
                                      cl::cat(Category));
cl::list<std::string> GuardClasses("guard-class",
                                   cl::desc("An RAII class that locks its first "
                                            "constructor argument (repeatable)"),
                                   cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"),
                         cl::cat(Category));
cl::opt<bool> DumpAnalysis("dump-analysis",
                           cl::desc("Print the analysis' internal records (debugging)"),
                           cl::Hidden, cl::cat(Category));

int fail(const Twine &Message) {
  WithColor::error(errs(), "racecheck") << Message << "\n";
  return 2;
}

/// Flags used when neither "--" nor a compilation database gives any: what
/// the lessons are built with, minus the sanitizer.
class DefaultCompilationDatabase : public clang::tooling::CompilationDatabase {
public:
  DefaultCompilationDatabase(std::vector<std::string> Files, std::string SupportInclude)
      : Files(std::move(Files)), SupportInclude(std::move(SupportInclude)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    bool IsC = File.ends_with(".c");
    std::vector<std::string> Args = {IsC ? "clang-19" : "clang++-19",
                                     IsC ? "-std=gnu17" : "-std=c++20", "-pthread",
                                     "-I" + SupportInclude, File.str()};
    return {clang::tooling::CompileCommand(".", File, Args, "")};
  }
  std::vector<std::string> getAllFiles() const override { return Files; }

private:
  std::vector<std::string> Files;
  std::string SupportInclude;
};

/// The lessons' support headers (racelab/interleave.h): those of an
/// install (share/racelab next to bin/) when racecheck runs from one, else
/// the source tree it was built from.
std::string supportIncludeDir(const char *Argv0) {
  std::string Exe = sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&supportIncludeDir));
  if (!Exe.empty()) {
    SmallString<256> Installed(sys::path::parent_path(sys::path::parent_path(Exe)));
    sys::path::append(Installed, "share", "racelab", "samples", "include");
    if (sys::fs::is_directory(Installed))
      return Installed.str().str();
  }
  return RACELAB_SUPPORT_INCLUDE_DIR;
}

/// Hands the compiler each file as the user named it (a relative path
/// stays relative), so diagnostics name files the way they were given, as
/// clang does when run by hand. Used for "--" and the default flags.
class GivenPathDatabase : public clang::tooling::CompilationDatabase {
public:
  GivenPathDatabase(std::unique_ptr<clang::tooling::CompilationDatabase> Inner,
                    std::map<std::string, std::string> Given, std::string Cwd)
      : Inner(std::move(Inner)), Given(std::move(Given)), Cwd(std::move(Cwd)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    std::vector<clang::tooling::CompileCommand> Commands = Inner->getCompileCommands(File);
    auto It = Given.find(File.str());
    if (It == Given.end())
      return Commands;
    for (clang::tooling::CompileCommand &C : Commands) {
      for (std::string &Arg : C.CommandLine)
        if (Arg == File)
          Arg = It->second;
      anchorIncludePaths(C.CommandLine, C.Directory);
      C.Filename = It->second;
      C.Directory = Cwd;
    }
    return Commands;
  }
  std::vector<std::string> getAllFiles() const override { return Inner->getAllFiles(); }

private:
  /// The command now runs from Cwd: include paths relative to where the
  /// flags came from (`-Iinclude` in a compile_flags.txt) stay pointed at
  /// the same folders.
  static void anchorIncludePaths(std::vector<std::string> &Args, StringRef From) {
    if (From.empty() || From == ".")
      return;
    auto Anchor = [&](std::string &Path) {
      if (Path.empty() || sys::path::is_absolute(Path))
        return;
      SmallString<256> P(From);
      sys::path::append(P, Path);
      Path = P.str().str();
    };
    static const char *const Flags[] = {"-I", "-isystem", "-iquote", "-idirafter"};
    for (size_t I = 0; I < Args.size(); ++I)
      for (StringRef Flag : Flags) {
        if (Args[I] == Flag && I + 1 < Args.size()) {
          Anchor(Args[++I]);
          break;
        }
        if (StringRef(Args[I]).starts_with(Flag) && Args[I].size() > Flag.size()) {
          std::string Path = Args[I].substr(Flag.size());
          Anchor(Path);
          Args[I] = Flag.str() + Path;
          break;
        }
      }
  }

  std::unique_ptr<clang::tooling::CompilationDatabase> Inner;
  std::map<std::string, std::string> Given;
  std::string Cwd;
};

std::string absolutePath(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return P.str().str();
}

json::Value diagnosticsToJSON(const std::vector<ReportedDiagnostic> &Diags) {
  json::Array Items;
  for (const ReportedDiagnostic &D : Diags) {
    json::Array Notes;
    for (const ReportedNote &N : D.Notes)
      Notes.push_back(json::Object{{"file", N.Where.File},
                                   {"line", N.Where.Line},
                                   {"column", N.Where.Column},
                                   {"message", N.Message}});
    Items.push_back(json::Object{{"check", D.Check},
                                 {"severity", D.Severity},
                                 {"file", D.Where.File},
                                 {"line", D.Where.Line},
                                 {"column", D.Where.Column},
                                 {"message", D.Message},
                                 {"notes", std::move(Notes)}});
  }
  return json::Object{{"version", 1}, {"diagnostics", std::move(Items)}};
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);

  // Everything after "--" is the compiler's.
  std::string DbError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv, DbError);

  cl::HideUnrelatedOptions(Category);
  std::string ParseErrors;
  raw_string_ostream ErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "racecheck: finds data races in C and C++ before the program runs\n\n"
          "  racecheck [--format=text|json|sarif] [--verify] FILE... [-- COMPILER-ARGS]\n"
          "  racecheck -p BUILD_DIR [FILE...]\n",
          &ErrorStream)) {
    ErrorStream.flush();
    errs() << ParseErrors;
    return 2;
  }

  if (ListChecks) {
    for (const analysis::CheckInfo &C : analysis::implementedChecks())
      outs() << C.Name << "\n    " << C.Summary << "\n";
    return 0;
  }

  RunOptions Options;
  if (Format == "text")
    Options.Format = OutputFormat::Text;
  else if (Format == "json")
    Options.Format = OutputFormat::Json;
  else if (Format == "sarif")
    Options.Format = OutputFormat::Sarif;
  else
    return fail("--format must be text, json or sarif, not '" + Format + "'");
  Options.DumpAnalysis = DumpAnalysis;

  // The configuration the command line adds to every file.
  analysis::AnalysisConfig CommandLine;
  for (const std::string &S : SpawnFunctions) {
    auto Spec = analysis::AnalysisConfig::parseSpawnSpec(S);
    if (!Spec)
      return fail(toString(Spec.takeError()));
    CommandLine.SpawnFunctions.push_back(*Spec);
  }
  CommandLine.JoinFunctions.assign(JoinFunctions.begin(), JoinFunctions.end());
  CommandLine.LockFunctions.assign(LockFunctions.begin(), LockFunctions.end());
  CommandLine.UnlockFunctions.assign(UnlockFunctions.begin(), UnlockFunctions.end());
  CommandLine.GuardClasses.assign(GuardClasses.begin(), GuardClasses.end());
  if (!ConfigFile.empty()) {
    auto Buffer = MemoryBuffer::getFile(ConfigFile);
    if (!Buffer)
      return fail("cannot read " + ConfigFile + ": " + Buffer.getError().message());
    auto Parsed = analysis::AnalysisConfig::fromYaml((*Buffer)->getBuffer(), ConfigFile);
    if (!Parsed)
      return fail(toString(Parsed.takeError()));
    Parsed->append(CommandLine);
    CommandLine = std::move(*Parsed);
  }

  // Where the compiler flags come from: "--", -p, a compile_commands.json
  // found above the first file, or the lesson defaults.
  std::unique_ptr<clang::tooling::CompilationDatabase> Db;
  bool OwnFlags = false; // "--" or the defaults, not a build's database.
  if (Fixed) {
    Db = std::move(Fixed);
    OwnFlags = true;
  } else if (!BuildPath.empty()) {
    Db = clang::tooling::CompilationDatabase::autoDetectFromDirectory(BuildPath, DbError);
    if (!Db)
      return fail("cannot read a compilation database from " + BuildPath + ": " + DbError);
  } else if (!Sources.empty()) {
    Db = clang::tooling::CompilationDatabase::autoDetectFromSource(
        absolutePath(Sources.front()), DbError);
    // A compile_flags.txt (flags for every file, no file list) is flags of
    // our own too: report the files as given, like with "--".
    OwnFlags = Db && Db->getAllFiles().empty();
  }
  std::vector<std::string> Files(Sources.begin(), Sources.end());
  if (Files.empty() && Db && !BuildPath.empty())
    Files = Db->getAllFiles();
  if (Files.empty())
    return fail("no input files; try 'racecheck --help'");
  for (const std::string &F : Files)
    if (!sys::fs::is_regular_file(F))
      return fail(F + ": no such file");
  if (!Db) {
    Db = std::make_unique<DefaultCompilationDatabase>(Files, supportIncludeDir(argv[0]));
    OwnFlags = true;
  }

  std::map<std::string, std::string> Given;
  for (const std::string &F : Files)
    Given[absolutePath(F)] = F;
  if (OwnFlags) {
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    Db = std::make_unique<GivenPathDatabase>(std::move(Db), Given, Cwd.str().str());
  }

  ConfigFiles Configs(std::move(CommandLine), /*Search=*/ConfigFile.empty());
  RunOptions ToolOptions = Options;
  if (VerifyMode)
    ToolOptions.Format = OutputFormat::Json; // Collect, do not print.
  RacecheckRunner Runner(Configs, ToolOptions, Given);

  clang::tooling::ClangTool Tool(*Db, Files);
  // compile_commands.json written with a compiler launcher (CMake's
  // CMAKE_CXX_COMPILER_LAUNCHER) starts with "ccache clang++ ...": the
  // launcher is not the compiler.
  Tool.appendArgumentsAdjuster([](const clang::tooling::CommandLineArguments &Args,
                                  StringRef) {
    if (Args.size() > 1) {
      StringRef Launcher = sys::path::filename(Args[0]);
      if (Launcher == "ccache" || Launcher == "sccache" || Launcher == "distcc")
        return clang::tooling::CommandLineArguments(Args.begin() + 1, Args.end());
    }
    return Args;
  });
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      "-resource-dir=" RACELAB_CLANG_RESOURCE_DIR,
      clang::tooling::ArgumentInsertPosition::END));
  int ToolStatus = Tool.run(Runner.factory().get());

  for (const std::string &E : Runner.ConfigErrors)
    WithColor::error(errs(), "racecheck") << E << "\n";
  if (ToolStatus != 0 || !Runner.ConfigErrors.empty()) {
    if (ToolStatus != 0)
      WithColor::error(errs(), "racecheck")
          << "a file did not compile; fix the errors above\n";
    // Still print what the files that compiled gave, for the record.
    if (Options.Format == OutputFormat::Json && !VerifyMode)
      outs() << formatv("{0:2}", diagnosticsToJSON(Runner.Diagnostics)) << "\n";
    return 2;
  }

  if (VerifyMode) {
    bool AllPassed = true, BadAnnotations = false;
    for (const std::string &F : Files) {
      auto Text = MemoryBuffer::getFile(F);
      if (!Text)
        return fail("cannot read " + F);
      VerifyResult R = verifyFindings(F, (*Text)->getBuffer(), Runner.Diagnostics);
      BadAnnotations |= !R.AnnotationErrors.empty();
      if (R.passed()) {
        size_t Count = 0;
        for (const ReportedDiagnostic &D : Runner.Diagnostics)
          Count += D.Source == F;
        outs() << F << ": --verify: OK (" << Count
               << (Count == 1 ? " finding matches" : " findings match")
               << " the annotations)\n";
      } else {
        AllPassed = false;
        outs() << R.format(F);
      }
    }
    if (BadAnnotations)
      return 2;
    return AllPassed ? 0 : 1;
  }

  switch (Options.Format) {
  case OutputFormat::Text:
    break; // Printed by clang's diagnostics as they were found.
  case OutputFormat::Json:
    outs() << formatv("{0:2}", diagnosticsToJSON(Runner.Diagnostics)) << "\n";
    break;
  case OutputFormat::Sarif: {
    json::Object Doc{{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                                 "cos02/schemas/sarif-schema-2.1.0.json"},
                     {"version", "2.1.0"},
                     {"runs", std::move(Runner.SarifRuns)}};
    outs() << formatv("{0:2}", json::Value(std::move(Doc))) << "\n";
    break;
  }
  }
  return Runner.Diagnostics.empty() ? 0 : 1;
}
