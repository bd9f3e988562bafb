//===- CallbackStore.h - Callbacks kept in std::function members -*- C++ -*-===//
//
// A registry keeps callbacks in a std::function member (or a container of
// them), and calls them later, often on another thread and under its own
// lock (`subscribe(Handler H) { Handlers.emplace(Id, std::move(H)); }`,
// then `for (auto &[Id, H] : Handlers) H(Event);`). These two syntactic
// helpers connect the two ends: which members a method stores a parameter
// into, and which member a called std::function comes from. The walker
// keeps the callables in between (RaceAnalysis::StoredCallbacks).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_CALLBACKSTORE_H
#define RACELAB_ANALYSIS_CALLBACKSTORE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include <vector>

namespace racelab {
namespace analysis {

/// The members of `this` that Method stores its parameter Index into: as
/// an argument of a member call on the member (`Handlers.push_back(H)`,
/// `Handlers.emplace(Id, std::move(H))`) or by assignment (`OnDone = H`,
/// `Handlers[Id] = H`). Only parameters of std::function type qualify.
std::vector<const clang::FieldDecl *>
membersStoringParam(const clang::FunctionDecl *Method, unsigned Index,
                    clang::ASTContext &Ctx);

/// For the object of a std::function call, the expression naming the
/// member or container it was taken from: the member itself (`OnDone()`),
/// the range of a range-for whose variable it is (`for (auto &H :
/// Handlers)`, also a structured binding `auto &[Id, H]`), or the base of
/// a subscript or at(). Null when it comes from elsewhere.
const clang::Expr *callbackSource(const clang::Expr *Callee, clang::ASTContext &Ctx);

} // namespace analysis
} // namespace racelab

#endif
