//===- ReportMatcher.cpp - Match TSan reports to lesson annotations -------===//
#include "ReportMatcher.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>

namespace racelab {
namespace {

std::string fileName(const std::string &Path) {
  return llvm::sys::path::filename(Path).str();
}

std::string lineList(const std::string &Source, const std::vector<unsigned> &Lines) {
  std::vector<std::string> Parts;
  for (unsigned L : Lines)
    Parts.push_back(std::to_string(L));
  return fileName(Source) + ":" + llvm::join(Parts, ", ");
}

/// Where a report is, for messages about reports with no line in the
/// lesson: its first user frame anywhere, else its summary.
std::string fallbackPlace(const TsanReport &R, const FrameFilter &Filter) {
  for (const TsanStack *S : R.involvedStacks())
    if (const TsanFrame *F = Filter.topUserFrame(*S))
      return fileName(F->File) + ":" + std::to_string(F->Line);
  return R.Summary.empty() ? "an unknown place" : R.Summary;
}

} // namespace

std::vector<unsigned> blamedLines(const TsanReport &R, const std::string &Source,
                                  const FrameFilter &Filter) {
  std::set<unsigned> Lines;
  for (const TsanStack *S : R.involvedStacks())
    if (const TsanFrame *F = Filter.topFrameIn(*S, Source))
      Lines.insert(F->Line);
  return {Lines.begin(), Lines.end()};
}

std::string describeReport(const TsanReport &R, const std::string &Source,
                           const FrameFilter &Filter) {
  std::vector<unsigned> Lines = blamedLines(R, Source, Filter);
  std::string Where = Lines.empty() ? fallbackPlace(R, Filter) : lineList(Source, Lines);
  std::string Text = R.KindText + " at " + Where;
  if (R.Truncated)
    Text += " (report cut short)";
  return Text;
}

RunMatch matchBuggyRun(const TsanLog &Log, const Lesson &L,
                       const FrameFilter &Filter) {
  RunMatch Match;
  const std::string &Source = L.BuggySource;
  if (!L.ExpectedReport) {
    // A bug TSan cannot see: the run must be clean; the verifier tells the
    // variant apart by its output instead.
    return matchCleanRun(Log, Source, Filter);
  }
  llvm::ArrayRef<AnnotationKind> Kinds = annotationKindsForReport(*L.ExpectedReport);
  std::vector<const Annotation *> Relevant;
  for (const Annotation &A : L.Annotations)
    if (llvm::is_contained(Kinds, A.Kind))
      Relevant.push_back(&A);

  std::set<const Annotation *> Hit;
  for (const TsanReport &R : Log.Reports) {
    if (R.Kind != *L.ExpectedReport) {
      Match.Problems.push_back("unexpected " + describeReport(R, Source, Filter));
      continue;
    }
    if (Kinds.empty()) { // Nothing to annotate for this kind: kind alone.
      ++Match.ExpectedReports;
      continue;
    }
    std::vector<unsigned> Lines = blamedLines(R, Source, Filter);
    if (Lines.empty()) {
      Match.Problems.push_back(R.KindText + " with no frame in " + fileName(Source) +
                               " (at " + fallbackPlace(R, Filter) + ")");
      continue;
    }
    std::vector<unsigned> Unannotated;
    for (unsigned Line : Lines) {
      bool Annotated = false;
      for (const Annotation *A : Relevant)
        if (A->Line == Line) {
          Hit.insert(A);
          Annotated = true;
        }
      if (!Annotated)
        Unannotated.push_back(Line);
    }
    if (!Unannotated.empty())
      Match.Problems.push_back(R.KindText + " involves " +
                               lineList(Source, Unannotated) +
                               ", which has no expect-" +
                               annotationKindName(Kinds.front()).str() +
                               " annotation");
    else
      ++Match.ExpectedReports;
  }

  size_t WrongReports = Match.Problems.size();
  // Every label must be seen; TSan reports a race on one address once, so
  // one hit line per label is enough.
  std::map<std::string, std::vector<unsigned>> MissingByLabel;
  std::set<std::string> HitLabels;
  for (const Annotation *A : Hit)
    HitLabels.insert(A->Label);
  for (const Annotation *A : Relevant)
    if (!HitLabels.count(A->Label))
      MissingByLabel[A->Label].push_back(A->Line);
  for (auto &[Label, Lines] : MissingByLabel)
    Match.Problems.push_back(
        "no " + tsanReportKindId(*L.ExpectedReport).str() + " report at " +
        lineList(Source, Lines) +
        (Label.empty() ? std::string() : " ('" + Label + "')"));
  if (Relevant.empty() && Match.ExpectedReports == 0 && Match.Problems.empty())
    Match.Problems.push_back("no " + tsanReportKindId(*L.ExpectedReport).str() +
                             " report");
  Match.MissingCount = Match.Problems.size() - WrongReports;
  return Match;
}

RunMatch matchHungRun(const HangReport &Hang, const Lesson &L,
                      const FrameFilter &Filter) {
  RunMatch Match;
  const std::string &Source = L.BuggySource;
  if (!Hang.StacksAvailable) {
    Match.Problems.push_back("it hung, but its stacks could not be captured (" +
                             Hang.StacksProblem + ")");
    return Match;
  }
  std::set<unsigned> Blocked;
  for (const HungThread &T : Hang.Threads)
    if (T.waitsForThread())
      if (const TsanFrame *F = Filter.topFrameIn(T.Stack, Source))
        Blocked.insert(F->Line);
  std::set<unsigned> Missing;
  for (const Annotation &A : L.Annotations)
    if (A.Kind == AnnotationKind::Deadlock && !Blocked.count(A.Line))
      Missing.insert(A.Line);
  if (!Missing.empty()) {
    Match.Problems.push_back("it hung, but no thread is blocked at " +
                             lineList(Source, {Missing.begin(), Missing.end()}));
    Match.MissingCount = 1;
  }
  return Match;
}

RunMatch matchCleanRun(const TsanLog &Log, const std::string &Source,
                       const FrameFilter &Filter) {
  RunMatch Match;
  for (const TsanReport &R : Log.Reports)
    Match.Problems.push_back("unexpected " + describeReport(R, Source, Filter));
  return Match;
}

} // namespace racelab

