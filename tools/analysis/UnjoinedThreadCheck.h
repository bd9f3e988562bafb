//===- UnjoinedThreadCheck.h - std::thread destroyed joinable ---*- C++ -*-===//
//
// A std::thread that is still joinable when its destructor runs calls
// std::terminate. This check follows each local std::thread (and each
// local container or array of them) through its function's CFG -- started,
// joined, detached, moved away, checked with joinable() -- and reports the
// paths on which it reaches its end of scope, a return, an explicit throw
// (or a call of a function of the program that throws) or a reassignment
// while joinable. It needs no thread model: it is a per-function check.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_UNJOINEDTHREADCHECK_H
#define RACELAB_ANALYSIS_UNJOINEDTHREADCHECK_H

#include "Findings.h"

#include "clang/AST/ASTContext.h"

#include <vector>

namespace racelab {
namespace analysis {

std::vector<UnjoinedThreadFinding> findUnjoinedThreads(clang::ASTContext &Ctx);

} // namespace analysis
} // namespace racelab

#endif
