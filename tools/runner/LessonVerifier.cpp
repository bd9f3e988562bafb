//===- LessonVerifier.cpp - Verify a lesson under ThreadSanitizer ---------===//
#include "LessonVerifier.h"

#include "ReportMatcher.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"

#include <map>

namespace racelab {
namespace {

/// How much of a wrong output a problem line quotes.
constexpr size_t OutputQuoteLimit = 120;

std::string quote(llvm::StringRef Text) {
  std::string S = Text.take_front(OutputQuoteLimit).str();
  std::string Escaped;
  for (char C : S) {
    if (C == '\n')
      Escaped += "\\n";
    else
      Escaped += C;
  }
  return "\"" + Escaped + (Text.size() > OutputQuoteLimit ? "...\"" : "\"");
}

std::string runList(const std::vector<unsigned> &Runs) {
  std::vector<std::string> Parts;
  for (unsigned R : Runs)
    Parts.push_back(std::to_string(R));
  return (Runs.size() == 1 ? "run " : "runs ") + llvm::join(Parts, ", ");
}

} // namespace

BuildSpec lessonBuildSpec(const Lesson &L, Variant V, const std::string &OutputDir) {
  BuildSpec Build;
  Build.Source = L.source(V);
  Build.ExtraFlags = L.Flags;
  Build.OutputDir = OutputDir;
  Build.OutputName = variantName(V).str();
  return Build;
}

TsanRunSpec lessonRunSpec(const Lesson &L, const std::string &Binary) {
  TsanRunSpec Spec;
  Spec.Binary = Binary;
  Spec.Args = L.Args;
  Spec.TimeoutSeconds = L.TimeoutSeconds;
  return Spec;
}

std::vector<std::string> LessonVerifier::checkRun(const Lesson &L, Variant V,
                                                  const TsanRunResult &Run) const {
  std::vector<std::string> Problems;
  if (Run.sanitizerFailed()) {
    Problems.push_back(Run.sanitizerProblem());
    return Problems;
  }
  const ProcessResult &P = Run.Process;
  if (P.Kind == ExitKind::FailedToStart || P.Kind == ExitKind::TimedOut) {
    Problems.push_back(P.describe());
    return Problems;
  }

  bool WantsReport = V == Variant::Buggy && L.ExpectedReport.has_value();
  RunMatch Match = WantsReport ? matchBuggyRun(Run.Log, L, Filter)
                               : matchCleanRun(Run.Log, L.source(V), Filter);
  Problems = std::move(Match.Problems);

  if (V == Variant::Fixed) {
    // TSan's exit code is 66 only with reports, already counted above.
    if (P.Kind == ExitKind::Signaled || (P.ExitCode != 0 && P.ExitCode != 66))
      Problems.push_back("the fixed program ended with " + P.describe());
    if (L.ExpectedOutput && P.Stdout != *L.ExpectedOutput)
      Problems.push_back("output " + quote(P.Stdout) + ", expected " +
                         quote(*L.ExpectedOutput));
  } else if (!L.ExpectedReport) {
    // Invisible to TSan: the buggy variant shows its bug in its output.
    if (L.ExpectedOutput && P.Stdout == *L.ExpectedOutput)
      Problems.push_back("the buggy program printed the correct output " +
                         quote(P.Stdout) + "; the bug did not show");
  }
  return Problems;
}

PartVerdict LessonVerifier::verify(const Lesson &L, Variant V,
                                      const VerifyOptions &Options) const {
  PartVerdict Verdict;
  Verdict.LessonId = L.Id;
  Verdict.Part = V == Variant::Buggy ? LessonPart::Buggy : LessonPart::Fixed;
  Verdict.Expectation = V == Variant::Buggy && L.ExpectedReport
                            ? tsanReportKindId(*L.ExpectedReport).str()
                        : V == Variant::Buggy ? "wrong-output"
                                              : "clean";
  BuildResult Built = Builder.build(lessonBuildSpec(L, V, Options.WorkDir));
  Verdict.BuildSeconds = Built.Seconds;
  if (!Built.Ok) {
    Verdict.BuildError = Built.Diagnostics.empty() ? "the build failed"
                                                   : Built.Diagnostics;
    return Verdict;
  }

  // Problems are grouped by their text so 20 identical failures read as one
  // line naming the runs; MapVector keeps first-seen order.
  llvm::MapVector<std::string, std::vector<unsigned>,
                  std::map<std::string, unsigned>>
      Problems;
  unsigned Runs = Options.Runs.value_or(L.Runs);
  for (unsigned I = 1; I <= Runs; ++I) {
    TsanRunResult Run = Runner.run(lessonRunSpec(L, Built.Binary));
    Verdict.RunSeconds += Run.Process.WallSeconds;
    std::vector<std::string> RunProblems = checkRun(L, V, Run);
    bool Good = RunProblems.empty();
    if (Good)
      ++Verdict.GoodRuns;
    for (std::string &P : RunProblems)
      Problems[P].push_back(I);
    if (Options.OnRun)
      Options.OnRun(I, Good);
  }
  Verdict.Runs = Runs;
  for (auto &[Text, Where] : Problems)
    Verdict.Problems.push_back(runList(Where) + ": " + Text);
  Verdict.Passed = Verdict.GoodRuns == Runs && Runs > 0;
  return Verdict;
}

} // namespace racelab
