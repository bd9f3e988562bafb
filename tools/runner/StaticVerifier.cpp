//===- StaticVerifier.cpp - The static part of verifying a lesson ---------===//
#include "StaticVerifier.h"

#include "Supervisor.h"
#include "TsanBuilder.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

#include <set>

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

llvm::Expected<std::vector<std::string>>
racecheckChecks(const Lesson &L, Variant V, const Toolchain &Tools) {
  if (Tools.Racecheck.empty())
    return llvm::createStringError("racecheck not found (build it, or set RACELAB_RACECHECK)");
  const std::string &Source = L.source(V);
  std::vector<std::string> Args = {"--format=json", Source, "--"};
  for (std::string &F : compilerFlags(L, Source, Tools))
    Args.push_back(std::move(F));
  ProcessResult R = runRacecheck(Tools, Args);
  if (R.Kind != ExitKind::Exited || (R.ExitCode != 0 && R.ExitCode != 1))
    return llvm::createStringError("racecheck on %s: %s\n%s", Source.c_str(),
                                   R.describe().c_str(), R.Stderr.c_str());
  // The JSON contract (DESIGN.md): {"diagnostics": [{"check": ...}, ...]}.
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse(R.Stdout);
  if (!Json)
    return llvm::createStringError("racecheck on %s: unreadable JSON: %s", Source.c_str(),
                                   llvm::toString(Json.takeError()).c_str());
  std::set<std::string> Checks;
  if (const llvm::json::Object *Root = Json->getAsObject())
    if (const llvm::json::Array *Diags = Root->getArray("diagnostics"))
      for (const llvm::json::Value &D : *Diags)
        if (const llvm::json::Object *O = D.getAsObject())
          if (std::optional<llvm::StringRef> Check = O->getString("check"))
            Checks.insert(Check->str());
  return std::vector<std::string>(Checks.begin(), Checks.end());
}

} // namespace racelab
