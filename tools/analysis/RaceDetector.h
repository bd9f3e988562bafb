//===- RaceDetector.h - From access records to data races -------*- C++ -*-===//
//
// Pairs the recorded accesses: same memory, at least one write, threads
// that may run at the same time (the spawn/join structure and the
// synchronisation objects say so), no lock held in common. Reports one
// finding per racy variable, at a write, in source order.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_RACEDETECTOR_H
#define RACELAB_ANALYSIS_RACEDETECTOR_H

#include "Findings.h"
#include "RaceAnalysis.h"

#include "clang/Basic/SourceManager.h"

namespace racelab {
namespace analysis {

class RaceDetector {
public:
  RaceDetector(const RaceAnalysis &A, const clang::SourceManager &SM)
      : A(A), SM(SM) {}

  std::vector<DataRaceFinding> findRaces() const;

  /// May the two accesses run at the same time (ignoring locks)?
  bool concurrent(const AccessRecord &X, const AccessRecord &Y) const;
  /// Is Before ordered before After by a release/acquire pair?
  bool orderedBySync(const AccessRecord &Before, const AccessRecord &After) const;
  static bool commonLock(const AccessRecord &X, const AccessRecord &Y);

private:
  AccessInfo describe(const AccessRecord &R) const;
  bool before(clang::SourceLocation X, clang::SourceLocation Y) const;

  const RaceAnalysis &A;
  const clang::SourceManager &SM;
};

} // namespace analysis
} // namespace racelab

#endif
