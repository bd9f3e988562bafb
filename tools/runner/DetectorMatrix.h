//===- DetectorMatrix.h - Which detector sees which lesson's bug -*- C++ -*-===//
//
// The lesson index, samples/README.md, is generated: for every lesson, what
// each detector reports on its buggy and on its fixed program. racecheck
// and (where installed) Valgrind's Helgrind and DRD are run; TSan's column
// is the report lesson.yaml names, which `make check-races` proves 20 runs
// out of 20. A detector that misses a bug is not a failure here: it is what
// the lesson's README explains.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_DETECTORMATRIX_H
#define RACELAB_RUNNER_DETECTORMATRIX_H

#include "CommandContext.h"
#include "Lesson.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {

/// What one detector made of one lesson.
struct DetectorCell {
  bool Ran = false;             ///< False: the detector is not installed.
  std::vector<std::string> OnBuggy; ///< Kinds reported on the buggy program.
  std::vector<std::string> OnFixed; ///< Kinds reported on the fix: false alarms.
  bool BuggyHung = false;       ///< The buggy run deadlocked under it.
  bool BuggyCrashed = false;    ///< The buggy run died of a signal under it.
};

struct MatrixRow {
  std::string Id;     ///< "<topic>/<lesson>"
  std::string Topic;
  std::string Title;
  BugClass Class = BugClass::DataRace;
  DetectorCell Racecheck, Tsan, Helgrind, Drd;
};

/// Runs the detectors on one lesson. WorkDir holds the Valgrind builds.
llvm::Expected<MatrixRow> evaluateLesson(const Lesson &L, const CommandContext &Ctx,
                                         const std::string &WorkDir);

/// One chapter of the course: a topic folder of samples/ in course order.
struct MatrixChapter {
  std::string Topic; ///< The folder name.
  std::string Title; ///< The first heading of its README.md, or the folder name.
  bool HasReadme = false;
};

/// The Markdown of samples/README.md. Rows are grouped by chapter, in the
/// chapters' order, and sorted by id within one.
std::string renderMatrix(const std::vector<MatrixChapter> &Chapters,
                         const std::vector<MatrixRow> &Rows);

/// The text of one cell ("data-race", "—", "— (hangs)", "data-race; on the
/// fix too: lock-order", "not installed"). A performance lesson has no bug
/// to miss: its silent detectors read "clean".
std::string describeCell(const DetectorCell &C, BugClass Class = BugClass::DataRace);

} // namespace racelab

#endif
