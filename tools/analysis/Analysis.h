//===- Analysis.h - Entry point of the race analysis ------------*- C++ -*-===//
//
// analyzeTranslationUnit() runs the whole analysis over one parsed
// translation unit and hands every finding to the handler, in source order.
// It prints nothing and touches no files: racecheck, the clang-tidy plugin
// and the unit tests are its front ends.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_ANALYSIS_H
#define RACELAB_ANALYSIS_ANALYSIS_H

#include "AnalysisConfig.h"
#include "Findings.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace analysis {

/// Debug, if given, receives a dump of the analysis' internal records.
void analyzeTranslationUnit(clang::ASTContext &Ctx, const AnalysisConfig &Config,
                            FindingHandler &Handler,
                            llvm::raw_ostream *Debug = nullptr);

} // namespace analysis
} // namespace racelab

#endif
