//===- Grader.h - Grade one submission of a lab -----------------*- C++ -*-===//
//
// Builds a submission in the sandbox, runs it under ThreadSanitizer as the
// lab says, scans it for tampering, measures its threads, runs racecheck,
// and scores every rubric criterion with feedback a student can act on.
// Nothing a submission prints is trusted: reports come from TSan's private
// log, thread counts from a ptrace tracer, tampering from the preprocessed
// source and the object file.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_GRADER_H
#define RACELAB_GRADER_GRADER_H

#include "CommandContext.h"
#include "Lab.h"
#include "Sandbox.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {

struct CriterionResult {
  Criterion Check = Criterion::Builds;
  std::string Name;
  double Score = 0;
  double MaxScore = 0;
  bool Passed = false;
  Visibility Visible = Visibility::Visible;
  std::string Feedback;
};

struct GradeResult {
  std::string LabId;
  std::string LabTitle;
  std::string Submission; ///< As given on the command line.
  std::string SandboxText; ///< Sandbox::describe().
  double Score = 0;
  double MaxScore = 0;
  std::vector<CriterionResult> Criteria; ///< In rubric order.

  /// Where the time went, for `racelab grade --timing` and the benchmark:
  /// the grader's own overhead is Total - Build - Runs - Racecheck.
  double BuildSeconds = 0;     ///< Preprocess, compile and link.
  double RunSeconds = 0;       ///< Every run of the program, traced one too.
  double RacecheckSeconds = 0;
  double TotalSeconds = 0;
  long PeakRssKb = 0; ///< Largest process tree of any build or run.
};

struct GradeOptions {
  std::string Submission;
  std::string SelfPath; ///< The racelab binary, for `racelab trace-threads`.
  SandboxMode Mode = SandboxMode::Auto;
  unsigned Runs = 0; ///< 0: the lab's.
};

/// Scores and seconds as people read them: at most two decimals, no
/// trailing zeros ("7.5", "10").
std::string shortNumber(double X);

/// Grades Options.Submission against L. Fails only when the grader itself
/// cannot run (no scratch space, no sandbox tools); everything a submission
/// can do wrong is a score and feedback.
llvm::Expected<GradeResult> gradeSubmission(const CommandContext &Ctx, const Lab &L,
                                            const GradeOptions &Options);

} // namespace racelab

#endif
