//===- LessonVerifier.cpp - Verify a lesson under ThreadSanitizer ---------===//
#include "LessonVerifier.h"

#include "ReportMatcher.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace racelab {
namespace {

/// How much of a wrong output a problem line quotes.
constexpr size_t OutputQuoteLimit = 120;
/// Distinct hangs shown in full per variant; more would bury the verdict.
constexpr size_t MaxHangDetails = 3;

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

LessonVerifier::RunOutcome LessonVerifier::checkRun(const Lesson &L, Variant V,
                                                   const TsanRunResult &Run,
                                                   const HangPrinter &Hangs) const {
  RunOutcome Out;
  std::vector<std::string> &Problems = Out.Problems;
  if (Run.sanitizerFailed()) {
    Problems.push_back(Run.sanitizerProblem());
    return Out;
  }
  const ProcessResult &P = Run.Process;
  if (P.Kind == ExitKind::TimedOut && Run.Hang)
    return checkHungRun(L, V, Run, analyzeHang(*Run.Hang, Filter), Hangs);
  if (P.Kind == ExitKind::FailedToStart || P.Kind == ExitKind::TimedOut) {
    Problems.push_back(P.describe());
    return Out;
  }

  bool WantsReport = V == Variant::Buggy && L.ExpectedReport.has_value();
  RunMatch Match = WantsReport ? matchBuggyRun(Run.Log, L, Filter)
                               : matchCleanRun(Run.Log, L.source(V), Filter);
  Problems = std::move(Match.Problems);

  // A performance lesson's "before" program is correct, only slow: it is
  // held to what the fix is held to; the speed is measured, not verified.
  if (V == Variant::Fixed || L.Class == BugClass::Performance) {
    // TSan's exit code is 66 only with reports, already counted above.
    if (P.Kind == ExitKind::Signaled || (P.ExitCode != 0 && P.ExitCode != 66))
      Problems.push_back("the " + variantName(V).str() + " program ended with " +
                         P.describe());
    if (L.ExpectedOutput && P.Stdout != *L.ExpectedOutput)
      Problems.push_back("output " + quote(P.Stdout) + ", expected " +
                         quote(*L.ExpectedOutput));
  } else if (!L.ExpectedReport) {
    // Invisible to TSan: the buggy variant shows its bug in its output.
    if (L.ExpectedOutput && P.Stdout == *L.ExpectedOutput)
      Problems.push_back("the buggy program printed the correct output " +
                         quote(P.Stdout) + "; the bug did not show");
  }
  if (Problems.empty() && V == Variant::Buggy && L.MayHang)
    Out.DetectedBy = L.ExpectedReport ? tsanReportKindId(*L.ExpectedReport).str()
                                      : "wrong-output";
  return Out;
}

LessonVerifier::RunOutcome
LessonVerifier::checkHungRun(const Lesson &L, Variant V, const TsanRunResult &Run,
                             const HangReport &Hang, const HangPrinter &Hangs) const {
  RunOutcome Out;
  std::string Summary = Hangs.summarize(Hang);
  bool WantsReport = V == Variant::Buggy && L.ExpectedReport.has_value();
  RunMatch Reports = WantsReport ? matchBuggyRun(Run.Log, L, Filter)
                                 : matchCleanRun(Run.Log, L.source(V), Filter);
  if (V == Variant::Buggy && L.MayHang) {
    // TSan reports an inversion or a double lock before the lock blocks, so
    // a run that reported and then hung showed the bug by its report.
    if (WantsReport && Reports.matches()) {
      Out.DetectedBy = tsanReportKindId(*L.ExpectedReport).str();
      return Out;
    }
    RunMatch Blocked = matchHungRun(Hang, L, Filter);
    if (Blocked.matches() && Reports.wrongReports().empty()) {
      Out.DetectedBy = "hung";
      return Out;
    }
    for (const std::string &P : Blocked.Problems)
      Out.Problems.push_back(P + " (" + Summary + ")");
  } else {
    Out.Problems.push_back("hung: " + Summary);
  }
  // A report that is wrong stays wrong, whatever the hang shows.
  llvm::append_range(Out.Problems, Reports.wrongReports());
  Out.Hang = Hang;
  return Out;
}

PartVerdict LessonVerifier::verify(const Lesson &L, Variant V,
                                   const VerifyOptions &Options) const {
  PartVerdict Verdict;
  Verdict.LessonId = L.Id;
  Verdict.Part = V == Variant::Buggy ? LessonPart::Buggy : LessonPart::Fixed;
  Verdict.Expectation = V == Variant::Buggy && L.Class == BugClass::Performance
                            ? "correct"
                        : V == Variant::Buggy && L.MayHang ? "deadlock found"
                        : V == Variant::Buggy && L.ExpectedReport
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

  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  ReportPrinter Printer(Filter, PrintOptions{3, Cwd.str().str()});
  HangPrinter Hangs(Printer);
  std::set<std::string> HangsShown;

  // Problems are grouped by their text so 20 identical failures read as one
  // line naming the runs; MapVector keeps first-seen order.
  llvm::MapVector<std::string, std::vector<unsigned>,
                  std::map<std::string, unsigned>>
      Problems;
  std::map<std::string, unsigned> DetectedBy;
  unsigned Runs = Options.Runs.value_or(L.Runs);
  for (unsigned I = 1; I <= Runs; ++I) {
    TsanRunResult Run = Runner.run(lessonRunSpec(L, Built.Binary));
    Verdict.RunSeconds += Run.Process.WallSeconds;
    RunOutcome Outcome = checkRun(L, V, Run, Hangs);
    bool Good = Outcome.Problems.empty();
    if (Good)
      ++Verdict.GoodRuns;
    if (Good && !Outcome.DetectedBy.empty())
      ++DetectedBy[Outcome.DetectedBy];
    for (std::string &P : Outcome.Problems)
      Problems[P].push_back(I);
    // The same hang in every run is shown once.
    if (Outcome.Hang && Verdict.HangDetails.size() < MaxHangDetails &&
        HangsShown.insert(Hangs.signature(*Outcome.Hang)).second) {
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      OS << "run " << I << ": ";
      Hangs.printText(OS, *Outcome.Hang, L.TimeoutSeconds);
      Verdict.HangDetails.push_back(std::move(Text));
    }
    if (Options.OnRun)
      Options.OnRun(I, Good);
  }
  Verdict.Runs = Runs;
  for (auto &[Text, Where] : Problems)
    Verdict.Problems.push_back(runList(Where) + ": " + Text);
  if (auto Hung = DetectedBy.find("hung"); Hung != DetectedBy.end()) {
    Verdict.DetectedBy.push_back(*Hung);
    DetectedBy.erase(Hung);
  }
  llvm::append_range(Verdict.DetectedBy, DetectedBy);
  Verdict.Passed = Verdict.GoodRuns == Runs && Runs > 0;
  return Verdict;
}

} // namespace racelab
