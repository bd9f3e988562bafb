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

/// A local std::thread, or a local container or array of them.
bool isThreadHandleVariable(const clang::VarDecl *V);

/// Can the thread(s) held by V, a local of Fn, go on running after V is
/// destroyed? Only if they are moved out (std::move, swap, through a
/// range-for reference), or V is handed by address or non-const reference
/// to a function that might do so. Otherwise V's destructor ends them
/// for the analysis: joined before, or std::terminate.
bool threadMayLeaveScope(const clang::VarDecl *V, const clang::FunctionDecl *Fn);

} // namespace analysis
} // namespace racelab

#endif
