//===- Analysis.cpp - Entry point of the race analysis --------------------===//
#include "Analysis.h"

#include "RaceAnalysis.h"
#include "RaceDetector.h"

namespace racelab {
namespace analysis {

FindingHandler::~FindingHandler() = default;

void analyzeTranslationUnit(clang::ASTContext &Ctx, const AnalysisConfig &Config,
                            FindingHandler &Handler, llvm::raw_ostream *Debug) {
  // A translation unit that did not compile has holes in its AST; findings
  // on it would be noise next to the compiler's errors.
  if (Ctx.getDiagnostics().hasErrorOccurred())
    return;
  RaceAnalysis A(Ctx, Config);
  A.run();
  if (Debug)
    A.dump(*Debug);
  for (const DataRaceFinding &F :
       RaceDetector(A, Ctx.getSourceManager()).findRaces())
    Handler.handleDataRace(F);
}

} // namespace analysis
} // namespace racelab
