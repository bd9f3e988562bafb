//===- ReportMatcher.h - Match TSan reports to lesson annotations -*- C++ -*-===//
//
// Decides whether one run of a lesson variant showed exactly the bug its
// annotations describe, in the spirit of clang's -verify: every report must
// point at annotated lines (nothing unexpected), and every annotated label
// must be hit by some report (nothing missing). A report points at a line
// through the top frame, in the lesson's own source, of each stack that
// takes part in the bug. A run that hung shows a deadlock the same way: a
// thread blocked, by its top frame in the lesson's source, at every line
// annotated expect-deadlock.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_REPORTMATCHER_H
#define RACELAB_RUNNER_REPORTMATCHER_H

#include "FrameFilter.h"
#include "HangAnalysis.h"
#include "Lesson.h"
#include "TsanReport.h"

#include <string>
#include <vector>

namespace racelab {

struct RunMatch {
  /// Reports of the expected kind whose lines are all annotated.
  unsigned ExpectedReports = 0;
  /// Why the run does not match, one sentence each; empty when it does.
  std::vector<std::string> Problems;
  /// The last MissingCount of Problems only say that an expected report is
  /// absent; the ones before them are about reports that are wrong.
  size_t MissingCount = 0;

  /// The problems with the reports that were given (not the missing ones).
  llvm::ArrayRef<std::string> wrongReports() const {
    return llvm::ArrayRef(Problems).drop_back(MissingCount);
  }

  bool matches() const { return Problems.empty(); }
};

/// The lines of Source a report blames (see TsanReport::involvedStacks),
/// sorted and unique.
std::vector<unsigned> blamedLines(const TsanReport &R, const std::string &Source,
                                  const FrameFilter &Filter);

/// Checks the reports of a buggy run against the lesson's expectation.
RunMatch matchBuggyRun(const TsanLog &Log, const Lesson &L,
                       const FrameFilter &Filter);

/// Checks a run that must be clean (a fixed variant): any report at all is
/// a problem. Source names the file in messages.
RunMatch matchCleanRun(const TsanLog &Log, const std::string &Source,
                       const FrameFilter &Filter);

/// Checks a run of a lesson that may hang which did: every expect-deadlock
/// line must have a thread blocked there, waiting for another thread.
RunMatch matchHungRun(const HangReport &Hang, const Lesson &L,
                      const FrameFilter &Filter);

/// "data race at fixed.cpp:12, 20" style one-line description of a report.
std::string describeReport(const TsanReport &R, const std::string &Source,
                           const FrameFilter &Filter);

} // namespace racelab

#endif
