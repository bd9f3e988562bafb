//===- StaticVerifier.h - The static part of verifying a lesson -*- C++ -*-===//
//
// Runs racecheck on a lesson: `racecheck --verify` on the buggy source must
// find exactly what its annotations say, and racecheck must find nothing in
// the fixed source. Both with the flags the lesson is built with, minus the
// sanitizer.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_STATICVERIFIER_H
#define RACELAB_RUNNER_STATICVERIFIER_H

#include "Lesson.h"
#include "Toolchain.h"
#include "Verdict.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {

PartVerdict verifyStatic(const Lesson &L, const Toolchain &Tools);

/// The checks racecheck reports on one variant of a lesson ("racelab-data-race",
/// ...; sorted, unique, empty when it finds nothing), with the lesson's
/// flags. An error when racecheck cannot run or the source does not
/// compile.
llvm::Expected<std::vector<std::string>>
racecheckChecks(const Lesson &L, Variant V, const Toolchain &Tools);

} // namespace racelab

#endif
