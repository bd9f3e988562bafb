//===- LessonVerifier.h - Verify a lesson under ThreadSanitizer -*- C++ -*-===//
//
// Builds a lesson variant under TSan and runs it the number of times the
// lesson asks for. The buggy variant passes when every run shows exactly the
// annotated bug; the fixed variant passes when every run is clean, exits 0
// and prints the expected output. A run that passes by luck would be a bug
// in the lesson, so nothing less than all runs counts.
//
// A run that hangs is a failure, shown with where its threads block, unless
// the lesson says its buggy variant may hang (a real deadlock): then a hang
// with a thread blocked at every expect-deadlock line shows the bug as well
// as TSan's report does, and the verdict says how many runs showed it which
// way.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_LESSONVERIFIER_H
#define RACELAB_RUNNER_LESSONVERIFIER_H

#include "FrameFilter.h"
#include "HangAnalysis.h"
#include "HangPrinter.h"
#include "Lesson.h"
#include "TsanBuilder.h"
#include "TsanRun.h"
#include "Verdict.h"

#include <functional>
#include <optional>
#include <string>

namespace racelab {

struct VerifyOptions {
  std::optional<unsigned> Runs; ///< Overrides lesson.yaml.
  std::string WorkDir;          ///< Where binaries are built.
  /// Called after each run with its 1-based number (progress output).
  std::function<void(unsigned Run, bool Good)> OnRun;
};

/// How a lesson variant is built into OutputDir, and how it is run: shared
/// by the verifier and the overhead benchmark so both measure the same thing.
BuildSpec lessonBuildSpec(const Lesson &L, Variant V, const std::string &OutputDir);
TsanRunSpec lessonRunSpec(const Lesson &L, const std::string &Binary);

class LessonVerifier {
public:
  LessonVerifier(const TsanBuilder &Builder, const TsanRunner &Runner,
                 const FrameFilter &Filter)
      : Builder(Builder), Runner(Runner), Filter(Filter) {}

  PartVerdict verify(const Lesson &L, Variant V,
                        const VerifyOptions &Options) const;

private:
  /// What one run showed.
  struct RunOutcome {
    /// Why the run is not good, one sentence each; empty when it is.
    std::vector<std::string> Problems;
    /// For a variant that may hang, how a good run showed the bug.
    std::string DetectedBy;
    /// A hang that was a problem, analysed (for HangDetails).
    std::optional<HangReport> Hang;
  };

  /// Hangs words the summary of a hang that is a problem.
  RunOutcome checkRun(const Lesson &L, Variant V, const TsanRunResult &Run,
                      const HangPrinter &Hangs) const;
  /// checkRun for a run that timed out.
  RunOutcome checkHungRun(const Lesson &L, Variant V, const TsanRunResult &Run,
                          const HangReport &Hang, const HangPrinter &Hangs) const;

  const TsanBuilder &Builder;
  const TsanRunner &Runner;
  const FrameFilter &Filter;
};

} // namespace racelab

#endif
