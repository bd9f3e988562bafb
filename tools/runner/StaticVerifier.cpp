//===- StaticVerifier.cpp - The static part of verifying a lesson ---------===//
#include "StaticVerifier.h"

#include "Supervisor.h"
#include "TsanBuilder.h"

#include "llvm/ADT/StringExtras.h"

namespace racelab {
namespace {

/// Parsing one lesson takes a second or two; a checker taking minutes is
/// stuck.
constexpr double RacecheckTimeoutSeconds = 300;

std::vector<std::string> compilerFlags(const Lesson &L, const std::string &Source,
                                       const Toolchain &Tools) {
  std::vector<std::string> Flags = {isCSource(Source) ? "-std=gnu17" : "-std=c++20",
                                    "-pthread", "-I" + Tools.supportIncludeDir()};
  Flags.insert(Flags.end(), L.Flags.begin(), L.Flags.end());
  return Flags;
}

ProcessResult runRacecheck(const Toolchain &Tools, std::vector<std::string> Args) {
  ProcessSpec Spec;
  Spec.Argv = {Tools.Racecheck};
  Spec.Argv.insert(Spec.Argv.end(), Args.begin(), Args.end());
  Spec.TimeoutSeconds = RacecheckTimeoutSeconds;
  return runSupervised(Spec);
}

/// The lines of racecheck's output worth repeating in a verdict.
std::vector<std::string> outputLines(const ProcessResult &R, bool WarningsOnly) {
  std::vector<std::string> Lines;
  std::string Text = R.Stdout + R.Stderr;
  llvm::SmallVector<llvm::StringRef, 16> All;
  llvm::StringRef(Text).split(All, '\n', -1, false);
  for (llvm::StringRef Line : All) {
    if (WarningsOnly && !Line.contains(": warning: ") && !Line.contains(": error: "))
      continue;
    if (!WarningsOnly && (Line.contains("--verify: OK") || Line.trim().empty()))
      continue;
    Lines.push_back(Line.trim().str());
  }
  return Lines;
}

} // namespace

PartVerdict verifyStatic(const Lesson &L, const Toolchain &Tools) {
  PartVerdict V;
  V.LessonId = L.Id;
  V.Part = LessonPart::Static;
  V.Expectation = "annotations";
  V.Runs = 1;
  if (Tools.Racecheck.empty()) {
    V.Problems.push_back("racecheck not found (build it, or set RACELAB_RACECHECK)");
    return V;
  }

  // Where racecheck cannot see the bug, it must stay silent on the buggy
  // source rather than match the annotations (which are TSan's).
  std::vector<std::string> Buggy = {L.BuggySource, "--"};
  if (!L.RacecheckMisses)
    Buggy.insert(Buggy.begin(), "--verify");
  for (std::string &F : compilerFlags(L, L.BuggySource, Tools))
    Buggy.push_back(std::move(F));
  ProcessResult B = runRacecheck(Tools, Buggy);
  V.RunSeconds += B.WallSeconds;
  if (B.Kind != ExitKind::Exited || B.ExitCode == 2) {
    V.Problems.push_back("racecheck on the buggy source: " + B.describe());
    for (std::string &Line : outputLines(B, /*WarningsOnly=*/false))
      V.Problems.push_back(std::move(Line));
  } else if (B.ExitCode == 1 && L.RacecheckMisses) {
    V.Problems.push_back("racecheck now finds the bug that lesson.yaml says it misses; "
                         "set 'racecheck: finds' and check the annotations:");
    for (std::string &Line : outputLines(B, /*WarningsOnly=*/true))
      V.Problems.push_back(std::move(Line));
  } else if (B.ExitCode == 1) {
    for (std::string &Line : outputLines(B, /*WarningsOnly=*/false))
      V.Problems.push_back(std::move(Line));
  }

  std::vector<std::string> Fixed = {L.FixedSource, "--"};
  for (std::string &F : compilerFlags(L, L.FixedSource, Tools))
    Fixed.push_back(std::move(F));
  ProcessResult F = runRacecheck(Tools, Fixed);
  V.RunSeconds += F.WallSeconds;
  if (F.Kind != ExitKind::Exited || F.ExitCode == 2) {
    V.Problems.push_back("racecheck on the fixed source: " + F.describe());
    for (std::string &Line : outputLines(F, /*WarningsOnly=*/true))
      V.Problems.push_back(std::move(Line));
  } else if (F.ExitCode == 1) {
    for (std::string &Line : outputLines(F, /*WarningsOnly=*/true))
      V.Problems.push_back("finding in the fix: " + Line);
  }

  V.Passed = V.Problems.empty();
  V.GoodRuns = V.Passed ? 1 : 0;
  return V;
}

} // namespace racelab
