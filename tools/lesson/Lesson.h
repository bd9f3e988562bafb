//===- Lesson.h - One lesson of the corpus ----------------------*- C++ -*-===//
//
// A lesson is a folder samples/<topic>/<lesson>/ with buggy.cpp, fixed.cpp,
// lesson.yaml and README.md. This is its loaded, validated form: what the
// runner builds and runs, and what it expects to see.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_LESSON_LESSON_H
#define RACELAB_LESSON_LESSON_H

#include "Annotation.h"
#include "TsanReportKind.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// The kind of bug a lesson teaches (lesson.yaml "bug_class").
enum class BugClass {
  DataRace,
  AtomicityViolation,
  OrderViolation,
  Deadlock,
  LockOrder,
  Lifetime,
  Performance,
};

llvm::StringRef bugClassId(BugClass Class);
std::optional<BugClass> bugClassFromId(llvm::StringRef Id);

enum class Variant { Buggy, Fixed };

/// lesson.yaml "measure" (performance lessons only): how `racelab speedup`
/// times the slow and the fast program. Times are never verified by tests;
/// the ratio is checked by the benchmark.
struct Measurement {
  /// Program arguments for timing: a larger size than `args`, which keeps
  /// the 20 verification runs under TSan short.
  std::vector<std::string> Args;
  /// Thread counts, passed as RACELAB_THREADS.
  std::vector<unsigned> Threads;
  /// The fast program must beat the slow one by at least this ratio at its
  /// best thread count; nullopt: only report.
  std::optional<double> ExpectFaster;
};
llvm::StringRef variantName(Variant V);

struct Lesson {
  std::string Dir;  ///< The folder, as given.
  std::string Name; ///< The folder's own name.
  std::string Id;   ///< "<topic>/<name>".
  std::string Title;
  std::string Topic;
  std::string Summary;
  BugClass Class = BugClass::DataRace;
  /// The report TSan must give for the buggy variant; nullopt when the bug is
  /// one TSan cannot see ("tsan_report: none"), in which case the buggy
  /// variant must run clean under TSan and print something other than
  /// ExpectedOutput. A performance lesson's buggy variant (the slow "before"
  /// program) is correct: it must run clean and print ExpectedOutput, like
  /// the fixed one; how much faster the fix is, is measured, not verified.
  std::optional<TsanReportKind> ExpectedReport;
  unsigned Runs = 20;
  double TimeoutSeconds = 10;
  /// The buggy variant may deadlock for real (lesson.yaml "may_hang"): a run
  /// that hangs with a thread blocked at every expect-deadlock line counts
  /// as showing the bug, as does the expected TSan report. Without it any
  /// hang is a failure.
  bool MayHang = false;
  /// lesson.yaml "racecheck: misses": the bug is one the static checker
  /// cannot see (it depends on run-time values, or spans processes). The
  /// static part then checks that racecheck reports nothing on the buggy
  /// source instead of matching the annotations, so the day it starts
  /// finding the bug the lesson says so.
  bool RacecheckMisses = false;
  std::vector<std::string> Args;  ///< Program arguments for both variants.
  std::vector<std::string> Flags; ///< Extra compiler flags.
  std::optional<std::string> ExpectedOutput; ///< Stdout of the fixed variant.
  std::optional<Measurement> Measure;
  std::string BuggySource; ///< Paths, Dir joined with the file name.
  std::string FixedSource;
  std::string Readme;
  std::vector<Annotation> Annotations; ///< From the buggy source.

  const std::string &source(Variant V) const {
    return V == Variant::Buggy ? BuggySource : FixedSource;
  }
};

/// The annotation kinds that mark the lines of a TSan report of this kind
/// (data race -> expect-race, ...). Empty when lessons cannot annotate that
/// kind; such reports are matched by kind alone.
llvm::ArrayRef<AnnotationKind> annotationKindsForReport(TsanReportKind Kind);

struct LessonLoadResult {
  std::optional<Lesson> Loaded;
  std::vector<LessonDiagnostic> Errors; ///< Non-empty iff !Loaded.
};

/// Loads and validates the lesson in Dir: lesson.yaml (every key checked,
/// unknown keys rejected), the presence of its sources and README, and the
/// annotations of the buggy source. All problems are reported, each with
/// its file and line.
LessonLoadResult loadLesson(llvm::StringRef Dir);

/// The lesson folders a command-line argument names: Path itself when it
/// holds a lesson.yaml, otherwise every folder below it that does (so
/// `samples` or `samples/data-races` name all their lessons), sorted. A path
/// with no lesson at all is returned as is, for loadLesson to report.
std::vector<std::string> expandLessonPaths(llvm::ArrayRef<std::string> Paths);

} // namespace racelab

#endif
