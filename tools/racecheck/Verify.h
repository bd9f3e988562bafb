//===- Verify.h - racecheck --verify against lesson annotations -*- C++ -*-===//
//
// Compares the findings for one source file with the expect-* annotations
// in it, like clang's -verify: a finding whose lines are not annotated is
// unexpected, an annotated label no finding hits is missing; either fails.
// Only annotation kinds with an implemented check take part (expect-race
// for racelab-data-race); the others belong to the TSan verifier.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RACECHECK_VERIFY_H
#define RACELAB_RACECHECK_VERIFY_H

#include "ReportedDiagnostic.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace racelab {
namespace racecheck {

struct VerifyResult {
  std::vector<std::string> Unexpected;
  std::vector<std::string> Missing;
  std::vector<std::string> AnnotationErrors; ///< Malformed annotations.

  bool passed() const {
    return Unexpected.empty() && Missing.empty() && AnnotationErrors.empty();
  }
  /// A diff-like report ("- missing ...", "+ unexpected ...").
  std::string format(llvm::StringRef Source) const;
};

/// Source is the file as given; Text its contents; Diags the findings of
/// its translation unit.
VerifyResult verifyFindings(llvm::StringRef Source, llvm::StringRef Text,
                            const std::vector<ReportedDiagnostic> &Diags);

} // namespace racecheck
} // namespace racelab

#endif
