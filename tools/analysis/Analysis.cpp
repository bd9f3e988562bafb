//===- Analysis.cpp - Entry point of the race analysis --------------------===//
#include "Analysis.h"

#include "CvWaitCheck.h"
#include "DanglingCaptureDetector.h"
#include "DeadlockDetector.h"
#include "RaceAnalysis.h"
#include "RaceDetector.h"
#include "UnjoinedThreadCheck.h"

#include <functional>

namespace racelab {
namespace analysis {

FindingHandler::~FindingHandler() = default;

void analyzeTranslationUnit(clang::ASTContext &Ctx, const AnalysisConfig &Config,
                            FindingHandler &Handler, llvm::raw_ostream *Debug) {
  // A translation unit that did not compile has holes in its AST; findings
  // on it would be noise next to the compiler's errors.
  if (Ctx.getDiagnostics().hasErrorOccurred())
    return;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  RaceAnalysis A(Ctx, Config);
  A.run();
  if (Debug)
    A.dump(*Debug);

  // Every finding, of every check, goes out in source order.
  std::vector<std::pair<clang::SourceLocation, std::function<void()>>> Out;
  auto Add = [&](clang::SourceLocation L, std::function<void()> Report) {
    Out.emplace_back(L, std::move(Report));
  };
  for (DataRaceFinding &F : RaceDetector(A, SM).findRaces())
    Add(F.First.Loc, [&Handler, F] { Handler.handleDataRace(F); });
  DeadlockDetector Deadlocks(A, SM);
  for (LockOrderFinding &F : Deadlocks.findLockOrderCycles())
    Add(F.Steps.front().AcquiredAt, [&Handler, F] { Handler.handleLockOrder(F); });
  for (JoinWhileHoldingFinding &F : Deadlocks.findJoinsWhileHolding())
    Add(F.JoinAt, [&Handler, F] { Handler.handleJoinWhileHolding(F); });
  for (DoubleLockFinding &F : Deadlocks.findDoubleLocks())
    Add(F.SecondAt, [&Handler, F] { Handler.handleDoubleLock(F); });
  for (DanglingCaptureFinding &F : findDanglingCaptures(A))
    Add(F.SpawnAt, [&Handler, F] { Handler.handleDanglingCapture(F); });
  for (CvWaitFinding &F : findCvWaitsWithoutPredicate(Ctx))
    Add(F.WaitAt, [&Handler, F] { Handler.handleCvWait(F); });
  for (UnjoinedThreadFinding &F : findUnjoinedThreads(Ctx))
    Add(F.StartedAt, [&Handler, F] { Handler.handleUnjoinedThread(F); });

  std::stable_sort(Out.begin(), Out.end(), [&SM](const auto &X, const auto &Y) {
    clang::SourceLocation A = SM.getExpansionLoc(X.first), B = SM.getExpansionLoc(Y.first);
    return A != B && SM.isBeforeInTranslationUnit(A, B);
  });
  for (auto &[Loc, Report] : Out)
    Report();
}

} // namespace analysis
} // namespace racelab
