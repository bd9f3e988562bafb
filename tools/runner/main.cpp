//===- main.cpp - The racelab command line --------------------------------===//
//
// Parses the command line (LLVM's cl, one SubCommand per verb) and hands the
// parsed arguments to the subcommand. Everything after a bare "--" goes to
// the compiler (for `check`), so it is split off before cl sees it.
//
//===----------------------------------------------------------------------===//
#include "AutograderBundle.h"
#include "Commands.h"
#include "GradeCommand.h"
#include "Handout.h"
#include "ThreadTrace.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <cstring>

using namespace llvm;
using namespace racelab;

namespace {

cl::OptionCategory Category("racelab options");

cl::SubCommand CheckCmd("check", "Build one file under ThreadSanitizer, run it "
                                 "several times and show what TSan found");
cl::SubCommand VerifyCmd("verify", "Verify lessons: the buggy variant shows its "
                                   "annotated bug in every run, the fixed one is "
                                   "clean in every run, racecheck agrees with the "
                                   "annotations");
cl::SubCommand CheckRacesCmd("check-races", "Verify every lesson of a build "
                                            "through CTest and summarise "
                                            "(what `make check-races` runs)");
cl::SubCommand BenchCmd("bench", "Measure racelab's overhead over running the "
                                 "lesson binaries bare");
cl::SubCommand SpeedupCmd("speedup", "Time performance lessons at each thread count, "
                                     "fit Amdahl's law, draw the curves");
cl::SubCommand GradeCmd("grade", "Grade one lab submission in a sandbox: builds, output, "
                                 "TSan-clean, no hang, concurrency kept, no tampering, "
                                 "racecheck");
cl::SubCommand HandoutCmd("handout", "Write a lab's student package: the starter without "
                                     "annotations, the README, a Makefile with check-races");
cl::SubCommand BundleCmd("autograder-bundle",
                         "Write a Gradescope autograder zip for a lab (setup.sh, "
                         "run_autograder, the lab and RaceLab's sources)");
cl::SubCommand MatrixCmd("matrix", "Write the lesson index SAMPLES_DIR/README.md "
                                   "with what each detector finds in each lesson");

// check
cl::opt<std::string> CheckFile(cl::Positional, cl::desc("FILE"), cl::Required,
                               cl::sub(CheckCmd), cl::cat(Category));
cl::opt<unsigned> CheckRuns("runs", cl::desc("Number of runs (default 5)"),
                            cl::init(5), cl::sub(CheckCmd), cl::cat(Category));
cl::opt<double> CheckTimeout("timeout",
                             cl::desc("Seconds before a run counts as hung "
                                      "(default 10)"),
                             cl::init(10), cl::sub(CheckCmd), cl::cat(Category));
cl::list<std::string> CheckArgsOpt("arg", cl::desc("Argument for the program "
                                                   "(repeatable)"),
                                   cl::sub(CheckCmd), cl::cat(Category));

// verify
cl::list<std::string> VerifyDirs(cl::Positional, cl::desc("LESSON_DIR..."),
                                 cl::OneOrMore, cl::sub(VerifyCmd),
                                 cl::cat(Category));
cl::list<std::string> VerifyParts("part",
                                  cl::desc("Verify only this part: buggy (TSan), "
                                           "fixed (TSan) or static (racecheck); "
                                           "repeatable, default all three"),
                                  cl::sub(VerifyCmd), cl::cat(Category));
cl::opt<unsigned> VerifyRuns("runs", cl::desc("Override the lesson's run count"),
                             cl::init(0), cl::sub(VerifyCmd), cl::cat(Category));
cl::opt<std::string> VerifyWorkDir("work-dir",
                                   cl::desc("Keep built binaries here "
                                            "(default: a temporary directory)"),
                                   cl::sub(VerifyCmd), cl::cat(Category));
cl::opt<std::string> VerifyResultsDir("results-dir",
                                      cl::desc("Write each verdict as "
                                               "DIR/<topic>/<lesson>/<part>.json"),
                                      cl::sub(VerifyCmd), cl::cat(Category));

// check and verify
cl::opt<std::string> Format("format", cl::desc("Output format: text or json"),
                            cl::init("text"), cl::sub(CheckCmd),
                            cl::sub(VerifyCmd), cl::cat(Category));
cl::opt<std::string> Cxx("cxx",
                         cl::desc("C++ compiler for lessons (default clang++-19, "
                                  "or $RACELAB_CXX)"),
                         cl::sub(CheckCmd), cl::sub(VerifyCmd), cl::sub(BenchCmd),
                         cl::sub(MatrixCmd), cl::sub(SpeedupCmd), cl::sub(GradeCmd),
                         cl::cat(Category));
cl::opt<bool> NoCcache("no-ccache", cl::desc("Do not compile through ccache"),
                       cl::sub(CheckCmd), cl::sub(VerifyCmd), cl::sub(BenchCmd),
                       cl::sub(MatrixCmd), cl::sub(SpeedupCmd), cl::cat(Category));

// check-races
cl::opt<std::string> BuildDir("build-dir", cl::desc("The CMake build directory"),
                              cl::init("build"), cl::sub(CheckRacesCmd),
                              cl::cat(Category));
cl::opt<unsigned> Jobs("jobs", cl::desc("Tests (lessons) run in parallel (default 2)"),
                       cl::init(2), cl::sub(CheckRacesCmd), cl::sub(MatrixCmd),
                       cl::cat(Category));
cl::opt<std::string> JUnit("junit", cl::desc("Also write a JUnit XML report here"),
                           cl::sub(CheckRacesCmd), cl::cat(Category));

// bench
cl::list<std::string> BenchDirs(cl::Positional, cl::desc("LESSON_DIR..."),
                                cl::OneOrMore, cl::sub(BenchCmd), cl::cat(Category));
cl::opt<unsigned> BenchRuns("runs", cl::desc("Runs per side and variant "
                                             "(default 10)"),
                            cl::init(10), cl::sub(BenchCmd), cl::cat(Category));

// matrix
cl::opt<std::string> MatrixSamples(cl::Positional, cl::desc("SAMPLES_DIR"), cl::Required,
                                   cl::sub(MatrixCmd), cl::cat(Category));
cl::opt<std::string> MatrixOutput("o", cl::desc("Write here (default SAMPLES_DIR/README.md)"),
                                  cl::sub(MatrixCmd), cl::cat(Category));
cl::opt<bool> MatrixCheck("check", cl::desc("Fail if the file differs instead of "
                                            "writing it"),
                          cl::sub(MatrixCmd), cl::cat(Category));

// speedup
cl::list<std::string> SpeedupDirs(cl::Positional, cl::desc("LESSON_DIR..."), cl::OneOrMore,
                                  cl::sub(SpeedupCmd), cl::cat(Category));
cl::opt<unsigned> SpeedupRuns("runs", cl::desc("Timed runs per program and thread "
                                               "count (default 5)"),
                              cl::init(5), cl::sub(SpeedupCmd), cl::cat(Category));
cl::opt<std::string> SpeedupSvg("svg", cl::desc("Write each lesson's speedup curve "
                                                "as DIR/<topic>-<lesson>.svg"),
                                cl::sub(SpeedupCmd), cl::cat(Category));

// grade
cl::opt<std::string> GradeLab(cl::Positional, cl::desc("LAB_DIR"), cl::Required,
                              cl::sub(GradeCmd), cl::cat(Category));
cl::opt<std::string> GradeSubmission("submission", cl::desc("The student's file"),
                                     cl::Required, cl::sub(GradeCmd), cl::cat(Category));
cl::opt<std::string> GradeFormatName("format",
                                     cl::desc("gradescope, json, junit or text "
                                              "(default text)"),
                                     cl::init("text"), cl::sub(GradeCmd), cl::cat(Category));
cl::opt<std::string> GradeOutput("o", cl::desc("Write the result here (default stdout); "
                                               "written atomically"),
                                 cl::sub(GradeCmd), cl::cat(Category));
cl::opt<std::string> GradeSandbox("sandbox",
                                  cl::desc("auto (bubblewrap when it works here), "
                                           "bubblewrap (or fail) or limits-only"),
                                  cl::init("auto"), cl::sub(GradeCmd), cl::cat(Category));
cl::opt<unsigned> GradeRuns("runs", cl::desc("Override the lab's number of runs"),
                            cl::init(0), cl::sub(GradeCmd), cl::cat(Category));

// handout
cl::opt<std::string> HandoutLab(cl::Positional, cl::desc("LAB_DIR"), cl::Required,
                                cl::sub(HandoutCmd), cl::cat(Category));
cl::opt<std::string> HandoutOutput("o", cl::desc("Folder to write the package to"),
                                   cl::Required, cl::sub(HandoutCmd), cl::cat(Category));
cl::opt<bool> HandoutForce("force", cl::desc("Write into a folder that is not empty"),
                           cl::sub(HandoutCmd), cl::cat(Category));

// autograder-bundle
cl::opt<std::string> BundleLab(cl::Positional, cl::desc("LAB_DIR"), cl::Required,
                               cl::sub(BundleCmd), cl::cat(Category));
cl::opt<std::string> BundleOutput("o", cl::desc("The zip to write"), cl::Required,
                                  cl::sub(BundleCmd), cl::cat(Category));
cl::opt<std::string> BundleSource("source-dir",
                                  cl::desc("RaceLab source tree to pack (default: the "
                                           "one racelab was built from)"),
                                  cl::sub(BundleCmd), cl::cat(Category));

int usageError(const Twine &Message) {
  WithColor::error(errs(), "racelab") << Message << "\n";
  return ExitError;
}

std::optional<OutputFormat> parseFormat() {
  if (Format == "text")
    return OutputFormat::Text;
  if (Format == "json")
    return OutputFormat::Json;
  return std::nullopt;
}

std::unique_ptr<CommandContext> makeContext(const char *Argv0) {
  auto Ctx = CommandContext::create(Argv0, Cxx, !NoCcache);
  if (!Ctx) {
    WithColor::error(errs(), "racelab") << toString(Ctx.takeError()) << "\n";
    return nullptr;
  }
  return std::move(*Ctx);
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  // racelab writes to pipes (CTest, graders); a closed reader must not kill
  // it halfway through writing a result file.
  std::signal(SIGPIPE, SIG_IGN);

  // The tracer the grader starts around a run: everything after "--" is
  // the command, so it bypasses option parsing entirely.
  if (argc > 1 && std::strcmp(argv[1], "trace-threads") == 0)
    return runTraceThreadsCommand(std::vector<std::string>(argv + 2, argv + argc));

  // Split "FILE -- -DFOO -O2" into our arguments and the compiler's.
  std::vector<const char *> Ours;
  std::vector<std::string> ExtraFlags;
  bool AfterDashes = false;
  for (int I = 0; I < argc; ++I) {
    if (!AfterDashes && I > 0 && std::strcmp(argv[I], "--") == 0) {
      AfterDashes = true;
      continue;
    }
    if (AfterDashes)
      ExtraFlags.push_back(argv[I]);
    else
      Ours.push_back(argv[I]);
  }

  cl::HideUnrelatedOptions(Category);
  std::string Errors;
  raw_string_ostream ErrorStream(Errors);
  if (!cl::ParseCommandLineOptions(
          static_cast<int>(Ours.size()), Ours.data(),
          "RaceLab: concurrency bugs made visible under ThreadSanitizer\n\n"
          "  racelab check FILE.cpp [--runs N] [--timeout S] [--format text|json] "
          "[-- EXTRA-FLAGS]\n"
          "  racelab verify LESSON_DIR... [--part buggy|fixed|static] [--runs N]\n"
          "  racelab check-races [--build-dir DIR] [--jobs N] [--junit FILE]\n"
          "  racelab bench LESSON_DIR... [--runs N]\n"
          "  racelab matrix SAMPLES_DIR [-o FILE] [--check] [--jobs N]\n"
          "  racelab speedup LESSON_DIR... [--runs N] [--svg DIR]\n"
          "  racelab grade LAB_DIR --submission FILE [--format gradescope|json|junit|text] "
          "[-o FILE]\n"
          "  racelab handout LAB_DIR -o DIR [--force]\n"
          "  racelab autograder-bundle LAB_DIR -o FILE.zip [--source-dir DIR]\n",
          &ErrorStream)) {
    ErrorStream.flush();
    errs() << Errors;
    return ExitError;
  }
  if (!ExtraFlags.empty() && !CheckCmd)
    return usageError("'-- FLAGS' is only accepted by 'racelab check'");

  if (CheckCmd) {
    auto F = parseFormat();
    if (!F)
      return usageError("--format must be text or json, not '" + Format + "'");
    if (CheckRuns == 0)
      return usageError("--runs must be at least 1");
    if (CheckTimeout <= 0)
      return usageError("--timeout must be positive");
    auto Ctx = makeContext(argv[0]);
    if (!Ctx)
      return ExitError;
    CheckArgs Args;
    Args.File = CheckFile;
    Args.Runs = CheckRuns;
    Args.TimeoutSeconds = CheckTimeout;
    Args.Format = *F;
    Args.ExtraFlags = ExtraFlags;
    Args.ProgramArgs.assign(CheckArgsOpt.begin(), CheckArgsOpt.end());
    return runCheckCommand(*Ctx, Args);
  }
  if (VerifyCmd) {
    auto F = parseFormat();
    if (!F)
      return usageError("--format must be text or json, not '" + Format + "'");
    VerifyArgs Args;
    if (!VerifyParts.empty()) {
      Args.Parts.clear();
      for (const std::string &Name : VerifyParts) {
        std::optional<LessonPart> P = partFromName(Name);
        if (!P)
          return usageError("--part must be buggy, fixed or static, not '" + Name + "'");
        Args.Parts.push_back(*P);
      }
    }
    auto Ctx = makeContext(argv[0]);
    if (!Ctx)
      return ExitError;
    Args.LessonDirs.assign(VerifyDirs.begin(), VerifyDirs.end());
    if (VerifyRuns)
      Args.Runs = VerifyRuns;
    Args.WorkDir = VerifyWorkDir;
    Args.ResultsDir = VerifyResultsDir;
    Args.Format = *F;
    return runVerifyCommand(*Ctx, Args);
  }
  if (CheckRacesCmd) {
    if (Jobs == 0)
      return usageError("--jobs must be at least 1");
    CheckRacesArgs Args;
    Args.BuildDir = BuildDir;
    Args.Jobs = Jobs;
    Args.JUnitFile = JUnit;
    return runCheckRacesCommand(Args);
  }
  if (BenchCmd) {
    if (BenchRuns == 0)
      return usageError("--runs must be at least 1");
    auto Ctx = makeContext(argv[0]);
    if (!Ctx)
      return ExitError;
    BenchArgs Args;
    Args.LessonDirs.assign(BenchDirs.begin(), BenchDirs.end());
    Args.Runs = BenchRuns;
    return runBenchCommand(*Ctx, Args);
  }
  if (SpeedupCmd) {
    if (SpeedupRuns == 0)
      return usageError("--runs must be at least 1");
    auto Ctx = makeContext(argv[0]);
    if (!Ctx)
      return ExitError;
    SpeedupArgs Args;
    Args.LessonDirs.assign(SpeedupDirs.begin(), SpeedupDirs.end());
    Args.Runs = SpeedupRuns;
    Args.SvgDir = SpeedupSvg;
    return runSpeedupCommand(*Ctx, Args);
  }
  if (MatrixCmd) {
    if (Jobs == 0)
      return usageError("--jobs must be at least 1");
    auto Ctx = makeContext(argv[0]);
    if (!Ctx)
      return ExitError;
    MatrixArgs Args;
    Args.SamplesDir = MatrixSamples;
    Args.Output = MatrixOutput;
    Args.Check = MatrixCheck;
    Args.Jobs = Jobs;
    return runMatrixCommand(*Ctx, Args);
  }
  if (GradeCmd) {
    GradeArgs Args;
    std::optional<GradeFormat> F = gradeFormatFromName(GradeFormatName);
    if (!F)
      return usageError("--format must be gradescope, json, junit or text, not '" +
                        GradeFormatName + "'");
    if (GradeSandbox == "auto")
      Args.Mode = SandboxMode::Auto;
    else if (GradeSandbox == "bubblewrap")
      Args.Mode = SandboxMode::Bubblewrap;
    else if (GradeSandbox == "limits-only")
      Args.Mode = SandboxMode::LimitsOnly;
    else
      return usageError("--sandbox must be auto, bubblewrap or limits-only, not '" +
                        GradeSandbox + "'");
    Args.Format = *F;
    Args.LabDir = GradeLab;
    Args.Submission = GradeSubmission;
    Args.Output = GradeOutput;
    Args.Runs = GradeRuns;
    Args.Argv0 = argv[0];
    Args.Cxx = Cxx;
    return runGradeCommand(Args);
  }
  if (HandoutCmd) {
    HandoutArgs Args;
    Args.LabDir = HandoutLab;
    Args.OutputDir = HandoutOutput;
    Args.Force = HandoutForce;
    return runHandoutCommand(Args);
  }
  if (BundleCmd) {
    BundleArgs Args;
    Args.LabDir = BundleLab;
    Args.Output = BundleOutput;
    Args.SourceDir = BundleSource;
    return runAutograderBundleCommand(Args);
  }
  return usageError("no command given; try 'racelab --help'");
}
