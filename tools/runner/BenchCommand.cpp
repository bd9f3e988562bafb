//===- BenchCommand.cpp - racelab bench LESSON_DIR... ---------------------===//
//
// Measures what racelab adds on top of running the lesson binaries: each
// variant is built once, then run alternately bare (spawn, wait, output to
// /dev/null, TSan logging to stderr) and the way `racelab verify` runs it
// (own process group, pipes with caps, private log directory, parsing,
// matching). Alternating runs side by side keeps a noisy shared machine from
// favouring one side; the result is reported as a ratio, never as a time to
// meet.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "LessonVerifier.h"
#include "ReportMatcher.h"
#include "ScratchDir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

namespace racelab {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point T) {
  return std::chrono::duration<double>(Clock::now() - T).count();
}

} // namespace

int runBenchCommand(CommandContext &Ctx, const BenchArgs &Args) {
  llvm::raw_ostream &OS = llvm::outs();
  auto Scratch = ScratchDir::create("racelab-bench");
  if (!Scratch) {
    llvm::WithColor::error(llvm::errs(), "racelab")
        << llvm::toString(Scratch.takeError()) << "\n";
    return ExitError;
  }
  std::string WorkRoot = Args.WorkDir.empty() ? Scratch->path() : Args.WorkDir;

  OS << llvm::formatv("{0,-44} {1,10} {2,12} {3,9}\n", "lesson variant",
                      "bare (s)", "racelab (s)", "overhead");
  std::vector<std::string> LessonDirs = expandLessonPaths(Args.LessonDirs);
  double TotalBare = 0, TotalSupervised = 0, TotalBuild = 0;
  unsigned Variants = 0;
  for (const std::string &Dir : LessonDirs) {
    LessonLoadResult Loaded = loadLesson(Dir);
    if (!Loaded.Loaded) {
      llvm::errs() << formatDiagnostics(Loaded.Errors);
      return ExitError;
    }
    const Lesson &L = *Loaded.Loaded;
    for (Variant V : {Variant::Buggy, Variant::Fixed}) {
      llvm::SmallString<256> Out(WorkRoot);
      llvm::sys::path::append(Out, L.Id);
      BuildResult Built = Ctx.Builder.build(lessonBuildSpec(L, V, Out.str().str()));
      if (!Built.Ok) {
        llvm::errs() << Built.Diagnostics;
        return ExitError;
      }
      TotalBuild += Built.Seconds;

      // Bare: what a student typing ./buggy would run, with the same TSan
      // options so both sides do the same instrumented work.
      std::vector<std::string> Env = environmentWith(
          {"TSAN_OPTIONS=" + Ctx.Runner.tsanOptions("stderr")});
      std::vector<llvm::StringRef> EnvRefs(Env.begin(), Env.end());
      std::vector<llvm::StringRef> Argv{Built.Binary};
      for (const std::string &A : L.Args)
        Argv.push_back(A);
      std::optional<llvm::StringRef> Null[] = {llvm::StringRef(""),
                                               llvm::StringRef(""),
                                               llvm::StringRef("")};

      double Bare = 0, Supervised = 0;
      for (unsigned I = 0; I < Args.Runs; ++I) {
        auto T0 = Clock::now();
        llvm::sys::ExecuteAndWait(Built.Binary, Argv, EnvRefs, Null);
        Bare += since(T0);

        auto T1 = Clock::now();
        TsanRunResult Run = Ctx.Runner.run(lessonRunSpec(L, Built.Binary));
        RunMatch Match = V == Variant::Buggy && L.ExpectedReport
                             ? matchBuggyRun(Run.Log, L, Ctx.Filter)
                             : matchCleanRun(Run.Log, L.source(V), Ctx.Filter);
        (void)Match;
        Supervised += since(T1);
      }
      TotalBare += Bare;
      TotalSupervised += Supervised;
      ++Variants;
      OS << llvm::formatv("{0,-44} {1,10:f2} {2,12:f2} {3,8:f1}%\n",
                          L.Id + " " + variantName(V).str(), Bare, Supervised,
                          100.0 * (Supervised / Bare - 1));
      OS.flush();
    }
  }
  OS << llvm::formatv("{0,-44} {1,10:f2} {2,12:f2} {3,8:f1}%\n", "total", TotalBare,
                      TotalSupervised, 100.0 * (TotalSupervised / TotalBare - 1));
  OS << llvm::formatv("{0} variants x {1} runs each side; building them took "
                      "{2:f1} s\n",
                      Variants, Args.Runs, TotalBuild);
  return ExitClean;
}

} // namespace racelab
