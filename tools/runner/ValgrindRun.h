//===- ValgrindRun.h - A program under Helgrind or DRD ----------*- C++ -*-===//
//
// Runs a program built with sanitizers/valgrind.flags under one of
// Valgrind's two thread error detectors, with racelab's suppressions (the
// interleaving gate), and says which kinds of error it reported. The
// detector matrix puts these next to TSan's and racecheck's findings.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_VALGRINDRUN_H
#define RACELAB_RUNNER_VALGRINDRUN_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace racelab {

enum class ValgrindTool { Helgrind, Drd };

/// "helgrind", "drd": the --tool value.
llvm::StringRef valgrindToolName(ValgrindTool Tool);

struct ValgrindOutcome {
  /// The kinds of error reported, sorted and unique: "data-race",
  /// "lock-order", "double-lock", "lock-held-at-exit", "other". The
  /// warning about signalling a condition variable without its mutex held
  /// ("cv-misuse") is left out: it flags correct code, depending on timing.
  std::vector<std::string> Kinds;
  bool TimedOut = false; ///< Killed at the deadline (a real deadlock).
  bool Crashed = false;  ///< Died of a signal (std::terminate, ...).
  /// Set when Valgrind itself could not run the program; the rest is then
  /// meaningless.
  std::string Problem;
};

/// The kinds of error in a Helgrind or DRD log (their messages, matched
/// line by line).
std::vector<std::string> valgrindErrorKinds(llvm::StringRef Log);

struct ValgrindSpec {
  ValgrindTool Tool = ValgrindTool::Helgrind;
  std::string Valgrind; ///< The valgrind binary.
  std::string Program;
  std::vector<std::string> Args;
  std::string Suppressions; ///< A suppressions file; empty for none.
  double TimeoutSeconds = 60;
};

ValgrindOutcome runUnderValgrind(const ValgrindSpec &Spec);

} // namespace racelab

#endif
