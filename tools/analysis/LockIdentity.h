//===- LockIdentity.h - Which mutex a lock location is ----------*- C++ -*-===//
//
// The deadlock checks need more than "may these two locks overlap", which
// is all the race detector asks: a double lock or a lock cycle is only
// reported when each mutex involved is one object for sure, and re-locking
// is only wrong for a mutex that is not recursive. This file answers those
// questions from an abstract location and the types along its path.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_LOCKIDENTITY_H
#define RACELAB_ANALYSIS_LOCKIDENTITY_H

#include "AbstractLocation.h"
#include "ThreadModel.h"

#include "clang/AST/ASTContext.h"

#include <optional>
#include <string>

namespace racelab {
namespace analysis {

/// The declared type of the object L names, when the path allows telling
/// (fields, arrays, std containers and smart pointers); null otherwise.
clang::QualType typeOfLocation(const AbstractLocation &L);

/// What kind of mutex L is; nullopt when it is no mutex at all (a
/// once_flag, the guard of a function-local static).
std::optional<MutexKind> mutexKindOf(const AbstractLocation &L);

/// True when L names exactly one object wherever it appears in one
/// thread's walk: no element with an unknown index, and no heap object
/// whose allocation may run more than once.
bool isSingleObject(const AbstractLocation &L, clang::ASTContext &Ctx);

/// L with every element step made the same: the node of an array of
/// mutexes in the lock graph ("Forks[*]").
std::string collapsedKey(const AbstractLocation &L);

/// True if L goes through an element of a container or array.
bool hasElementStep(const AbstractLocation &L);

} // namespace analysis
} // namespace racelab

#endif
