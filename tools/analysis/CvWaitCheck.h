//===- CvWaitCheck.h - Condition-variable waits without a predicate -*- C++ -*-===//
//
// `cv.wait(lock)` returns when notified -- or spuriously, and not at all if
// the notification came before the wait. Correct code re-checks a state
// variable: `cv.wait(lock, pred)` or `while (!ready) cv.wait(lock);`. This
// syntactic check reports untimed waits with no predicate that are not in
// a loop in their function, in a function not itself called from a loop.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_CVWAITCHECK_H
#define RACELAB_ANALYSIS_CVWAITCHECK_H

#include "Findings.h"

#include "clang/AST/ASTContext.h"

#include <vector>

namespace racelab {
namespace analysis {

std::vector<CvWaitFinding> findCvWaitsWithoutPredicate(clang::ASTContext &Ctx);

} // namespace analysis
} // namespace racelab

#endif
