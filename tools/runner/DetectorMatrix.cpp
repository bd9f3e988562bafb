//===- DetectorMatrix.cpp - Which detector sees which lesson's bug --------===//
#include "DetectorMatrix.h"

#include "LessonVerifier.h"
#include "PathUtil.h"
#include "StaticVerifier.h"
#include "ValgrindRun.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <array>
#include <map>

namespace racelab {

namespace {

/// Valgrind runs a program 20 to 100 times slower than it runs natively;
/// a lesson that deadlocks for real needs a bound all the same.
double valgrindTimeout(const Lesson &L) {
  return std::min(120.0, std::max(10.0, 5 * L.TimeoutSeconds));
}

/// "racelab-data-race" -> "data-race": the column says whose it is.
std::vector<std::string> shortCheckNames(std::vector<std::string> Checks) {
  for (std::string &C : Checks)
    if (llvm::StringRef(C).starts_with("racelab-"))
      C = C.substr(8);
  return Checks;
}

/// The lesson's two programs built with sanitizers/valgrind.flags, once
/// for both Valgrind tools: [buggy, fixed].
llvm::Expected<std::array<std::string, 2>>
buildForValgrind(const Lesson &L, const CommandContext &Ctx, const std::string &WorkDir) {
  llvm::Expected<TsanBuilder> Builder =
      TsanBuilder::withFlagsFile(Ctx.Tools, Ctx.Config, "valgrind.flags");
  if (!Builder)
    return Builder.takeError();
  std::array<std::string, 2> Binaries;
  for (Variant V : {Variant::Buggy, Variant::Fixed}) {
    BuildSpec B = lessonBuildSpec(L, V, joinPath({WorkDir, L.Topic, L.Name}));
    B.OutputName += "-valgrind";
    BuildResult Built = Builder->build(B);
    if (!Built.Ok)
      return llvm::createStringError("%s does not build for Valgrind:\n%s",
                                     B.Source.c_str(), Built.Diagnostics.c_str());
    Binaries[V == Variant::Buggy ? 0 : 1] = Built.Binary;
  }
  return Binaries;
}

llvm::Error runValgrindColumn(ValgrindTool Tool, const Lesson &L, const CommandContext &Ctx,
                              const std::array<std::string, 2> &Binaries,
                              DetectorCell &Cell) {
  for (Variant V : {Variant::Buggy, Variant::Fixed}) {
    ValgrindSpec Run;
    Run.Tool = Tool;
    Run.Valgrind = Ctx.Tools.Valgrind;
    Run.Program = Binaries[V == Variant::Buggy ? 0 : 1];
    Run.Args = L.Args;
    Run.Suppressions = joinPath({Ctx.Tools.sanitizersDir(), "valgrind.supp"});
    Run.TimeoutSeconds = valgrindTimeout(L);
    ValgrindOutcome Out = runUnderValgrind(Run);
    if (!Out.Problem.empty())
      return llvm::createStringError("%s on %s: %s", valgrindToolName(Tool).data(),
                                     L.source(V).c_str(), Out.Problem.c_str());
    if (V == Variant::Buggy) {
      Cell.OnBuggy = Out.Kinds;
      Cell.BuggyHung = Out.TimedOut;
      Cell.BuggyCrashed = Out.Crashed;
    } else {
      Cell.OnFixed = Out.Kinds;
    }
  }
  Cell.Ran = true;
  return llvm::Error::success();
}

std::string escapeCell(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '|')
      Out += '\\';
    Out += C;
  }
  return Out;
}

} // namespace

llvm::Expected<MatrixRow> evaluateLesson(const Lesson &L, const CommandContext &Ctx,
                                         const std::string &WorkDir) {
  MatrixRow Row;
  Row.Id = L.Id;
  Row.Topic = L.Topic;
  Row.Title = L.Title;
  Row.Class = L.Class;

  for (Variant V : {Variant::Buggy, Variant::Fixed}) {
    llvm::Expected<std::vector<std::string>> Checks = racecheckChecks(L, V, Ctx.Tools);
    if (!Checks)
      return Checks.takeError();
    (V == Variant::Buggy ? Row.Racecheck.OnBuggy : Row.Racecheck.OnFixed) =
        shortCheckNames(*Checks);
  }
  Row.Racecheck.Ran = true;

  // TSan's column is the lesson's own claim, which check-races verifies in
  // every run of both variants (the fix clean); repeating 40 TSan runs here
  // would only say it again.
  Row.Tsan.Ran = true;
  if (L.ExpectedReport)
    Row.Tsan.OnBuggy.push_back(tsanReportKindId(*L.ExpectedReport).str());

  if (Ctx.Tools.Valgrind.empty())
    return Row;
  llvm::Expected<std::array<std::string, 2>> Binaries = buildForValgrind(L, Ctx, WorkDir);
  if (!Binaries)
    return Binaries.takeError();
  if (llvm::Error E =
          runValgrindColumn(ValgrindTool::Helgrind, L, Ctx, *Binaries, Row.Helgrind))
    return std::move(E);
  if (llvm::Error E = runValgrindColumn(ValgrindTool::Drd, L, Ctx, *Binaries, Row.Drd))
    return std::move(E);
  return Row;
}

std::string describeCell(const DetectorCell &C, BugClass Class) {
  if (!C.Ran)
    return "not installed";
  if (Class == BugClass::Performance && C.OnBuggy.empty() && C.OnFixed.empty() &&
      !C.BuggyHung && !C.BuggyCrashed)
    return "clean";
  std::string S = C.OnBuggy.empty() ? "—" : llvm::join(C.OnBuggy, ", ");
  if (C.BuggyHung)
    S += C.OnBuggy.empty() ? " (hangs)" : ", then hangs";
  else if (C.BuggyCrashed)
    S += C.OnBuggy.empty() ? " (crashes)" : ", then crashes";
  if (!C.OnFixed.empty())
    S += "; on the fix too: " + llvm::join(C.OnFixed, ", ");
  return S;
}

std::string renderMatrix(const std::vector<MatrixChapter> &Chapters,
                         const std::vector<MatrixRow> &Rows) {
  std::map<std::string, std::vector<const MatrixRow *>> ByTopic;
  for (const MatrixRow &R : Rows)
    ByTopic[R.Topic].push_back(&R);
  for (auto &[Topic, List] : ByTopic)
    std::sort(List.begin(), List.end(),
              [](const MatrixRow *A, const MatrixRow *B) { return A->Id < B->Id; });

  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "# The lessons\n\n"
     << "<!-- Generated by `racelab matrix samples` (make matrix) from every "
        "lesson.yaml and the detectors' own runs. Do not edit by hand: CI "
        "regenerates it and fails when it differs. -->\n\n"
     << Rows.size() << " lessons in " << ByTopic.size()
     << " chapters, in the order of the course. Every lesson is a buggy program, "
        "its fixed twin and a README that explains both; `make check-races` "
        "proves each one: the bug shows in every run, the fix is clean in every "
        "run, and racecheck agrees with the annotated lines.\n\n"
     << "Which detector sees which bug, as each one reports it on the buggy "
        "program:\n\n"
     << "- **racecheck**: RaceLab's static checker (the checks it reports). It "
        "reads the code without running it.\n"
     << "- **TSan**: ThreadSanitizer, the report kind `make check-races` "
        "verifies in 20 runs out of 20.\n"
     << "- **Helgrind**, **DRD**: Valgrind's two thread error detectors, run "
        "once on each program of the lesson. Their warning about notifying a "
        "condition variable without holding its mutex is left out: that is "
        "correct C++, and whether they warn depends on timing.\n\n"
     << "\"—\" means the detector reports nothing on the buggy program; where "
        "racecheck or TSan cannot see a lesson's bug, the lesson's README says "
        "why. \"on the fix too\" lists what a detector also reports on the fixed "
        "program, which is correct: a false alarm. Most of Helgrind's and DRD's "
        "come from synchronisation they do not model: C++ atomics with "
        "acquire/release ordering, std::latch, std::call_once and other waits "
        "built on futexes (see sanitizers/README.md). A performance lesson has "
        "no bug: \"clean\" there means a detector reports nothing on either of "
        "its programs.\n";
  unsigned Number = 0;
  for (const MatrixChapter &C : Chapters) {
    auto It = ByTopic.find(C.Topic);
    if (It == ByTopic.end())
      continue;
    OS << "\n## " << ++Number << ". " << C.Title << "\n\n";
    if (C.HasReadme)
      OS << "[Chapter introduction](" << C.Topic << "/README.md)\n\n";
    OS << "| Lesson | Bug class | racecheck | TSan | Helgrind | DRD |\n"
       << "|---|---|---|---|---|---|\n";
    for (const MatrixRow *R : It->second)
      OS << "| [" << escapeCell(R->Title) << "](" << R->Id << "/README.md) | "
         << bugClassId(R->Class) << " | "
         << escapeCell(describeCell(R->Racecheck, R->Class)) << " | "
         << escapeCell(describeCell(R->Tsan, R->Class)) << " | "
         << escapeCell(describeCell(R->Helgrind, R->Class)) << " | "
         << escapeCell(describeCell(R->Drd, R->Class)) << " |\n";
  }
  return Out;
}

} // namespace racelab
