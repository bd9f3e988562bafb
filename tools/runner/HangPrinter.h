//===- HangPrinter.h - Show a hung program to people and tools --*- C++ -*-===//
//
// Renders a HangReport the way the report printer renders TSan reports: the
// wait-for cycle in one sentence, then each thread with what it waits on and
// who holds it, and its user frames with library frames folded away; as JSON
// for tools; as one line for verdict problems; and as a signature that
// folds the same hang seen in several runs into one finding.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_HANGPRINTER_H
#define RACELAB_RUNNER_HANGPRINTER_H

#include "HangAnalysis.h"
#include "ReportPrinter.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace racelab {

class HangPrinter {
public:
  explicit HangPrinter(const ReportPrinter &Printer) : Printer(Printer) {}

  /// Several lines, starting with "deadlock" (a cycle) or "hang", indented
  /// by two spaces. TimeoutSeconds is the limit the program ran into.
  void printText(llvm::raw_ostream &OS, const HangReport &R, double TimeoutSeconds) const;

  llvm::json::Value toJSON(const HangReport &R) const;

  /// "thread 3 (LWP 4117) waits at buggy.cpp:15 for mutex B (0x55b0...)
  /// held by thread 4, which waits at ... held by thread 3".
  std::string describeCycle(const HangReport &R, const WaitCycle &C) const;

  /// One line without addresses or LWPs (they change from run to run), for
  /// a verdict: "thread 3 blocked locking mutex B held by thread 4 at
  /// buggy.cpp:15; ...; wait-for cycle: thread 3 -> thread 4 -> thread 3".
  std::string summarize(const HangReport &R) const;

  /// What stays the same when the same hang happens again: the kinds and
  /// user lines of the threads, and the cycles.
  std::string signature(const HangReport &R) const;

private:
  std::string threadLabel(const HungThread &T) const;
  std::string shortLabel(const HungThread &T) const;
  std::string objectText(const HungThread &T, bool WithAddress) const;
  /// "blocked locking mutex B (0x55b0...), held by thread 4 (LWP 4118)";
  /// without addresses and LWPs unless Detailed.
  std::string waitText(const HangReport &R, const HungThread &T, bool Detailed) const;
  std::string userPlace(const HungThread &T) const;

  const ReportPrinter &Printer;
};

} // namespace racelab

#endif
