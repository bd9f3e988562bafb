//===- FindingMessages.h - Findings as diagnostics --------------*- C++ -*-===//
//
// Turns a finding into the words and places every front end shows: one
// warning (check name, location, message) and its notes (the conflicting
// access, where each thread was started, which lock was held where).
// racecheck, the clang-tidy plugin and the JSON/SARIF writers all use this,
// so the same finding reads the same everywhere.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_FINDINGMESSAGES_H
#define RACELAB_ANALYSIS_FINDINGMESSAGES_H

#include "Findings.h"

#include "clang/Basic/SourceManager.h"

#include <string>
#include <vector>

namespace racelab {
namespace analysis {

struct DiagnosticNote {
  clang::SourceLocation Loc;
  std::string Message;
  /// The note marks a line that takes part in the bug (the conflicting
  /// access), not context (a spawn site, a lock): --verify expects an
  /// annotation there.
  bool Blames = false;
};

struct FindingDiagnostic {
  std::string Check; ///< "racelab-data-race"
  clang::SourceLocation Loc;
  std::string Message; ///< Without the "[check]" suffix.
  std::vector<DiagnosticNote> Notes;
  /// Edits that fix the finding with no choice left to make; when the fix
  /// is a design decision there are none, and a "to fix, ..." note says it.
  std::vector<clang::FixItHint> FixIts;
};

/// Needs the SourceManager only to print line numbers inside messages
/// ("a thread started at line 23").
FindingDiagnostic describeDataRace(const DataRaceFinding &F,
                                   const clang::SourceManager &SM);

FindingDiagnostic describeLockOrder(const LockOrderFinding &F,
                                    const clang::SourceManager &SM);
FindingDiagnostic describeJoinWhileHolding(const JoinWhileHoldingFinding &F,
                                           const clang::SourceManager &SM);
FindingDiagnostic describeDoubleLock(const DoubleLockFinding &F,
                                     const clang::SourceManager &SM);
FindingDiagnostic describeCvWait(const CvWaitFinding &F, const clang::SourceManager &SM);
FindingDiagnostic describeUnjoinedThread(const UnjoinedThreadFinding &F,
                                         const clang::SourceManager &SM);
FindingDiagnostic describeDanglingCapture(const DanglingCaptureFinding &F,
                                          const clang::SourceManager &SM);

/// A FindingHandler that describes each finding and hands the diagnostic
/// to report(): the part every front end (racecheck, the clang-tidy
/// plugin) shares.
class DescribingHandler : public FindingHandler {
public:
  explicit DescribingHandler(const clang::SourceManager &SM) : SM(SM) {}
  void handleDataRace(const DataRaceFinding &F) override { report(describeDataRace(F, SM)); }
  void handleLockOrder(const LockOrderFinding &F) override {
    report(describeLockOrder(F, SM));
  }
  void handleJoinWhileHolding(const JoinWhileHoldingFinding &F) override {
    report(describeJoinWhileHolding(F, SM));
  }
  void handleDoubleLock(const DoubleLockFinding &F) override {
    report(describeDoubleLock(F, SM));
  }
  void handleCvWait(const CvWaitFinding &F) override { report(describeCvWait(F, SM)); }
  void handleUnjoinedThread(const UnjoinedThreadFinding &F) override {
    report(describeUnjoinedThread(F, SM));
  }
  void handleDanglingCapture(const DanglingCaptureFinding &F) override {
    report(describeDanglingCapture(F, SM));
  }

protected:
  virtual void report(const FindingDiagnostic &D) = 0;
  const clang::SourceManager &SM;
};

/// Every check the analysis implements, with its one-line summary (the
/// same sentence as the check's doc page).
struct CheckInfo {
  const char *Name;
  const char *Summary;
};
llvm::ArrayRef<CheckInfo> implementedChecks();

} // namespace analysis
} // namespace racelab

#endif
