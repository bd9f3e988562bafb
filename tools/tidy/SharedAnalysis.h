//===- SharedAnalysis.h - One analysis per translation unit -----*- C++ -*-===//
//
// Every racelab check of the plugin wants the findings of the same
// analysis. The first check to see a translation unit runs it and keeps
// the diagnostics here; the others take their share (a check configured
// differently gets its own run). The cache is dropped
// at the end of the translation unit, so clang-tidy running several files
// in one process never mixes them up.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_TIDY_SHAREDANALYSIS_H
#define RACELAB_TIDY_SHAREDANALYSIS_H

#include "AnalysisConfig.h"
#include "FindingMessages.h"

#include "clang/AST/ASTContext.h"

#include <vector>

namespace racelab {
namespace tidy {

/// The diagnostics of every racelab check for the translation unit of
/// Ctx, computed on the first call for that unit.
const std::vector<analysis::FindingDiagnostic> &
findingsFor(clang::ASTContext &Ctx, const analysis::AnalysisConfig &Config);

/// Forgets the current unit's findings.
void endTranslationUnit();

} // namespace tidy
} // namespace racelab

#endif
