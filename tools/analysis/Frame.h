//===- Frame.h - One activation of a function the analysis walks -*- C++ -*-===//
//
// What the walker knows about the variables of one function activation in
// one thread context: what `this` is, which object each reference refers
// to, which object each pointer (or smart pointer, or iterator) points to,
// which scalars are private to the thread (its own index, its chunk
// bounds), and for a lambda, the activation it was created in (its
// by-reference captures live there).
//
// Bindings are flow-insensitive: a variable is bound where it is declared
// (or first assigned) and the binding holds for the whole activation.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_FRAME_H
#define RACELAB_ANALYSIS_FRAME_H

#include "AbstractLocation.h"

#include "clang/AST/DeclCXX.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace racelab {
namespace analysis {

struct Frame {
  unsigned Context = 0;
  const clang::FunctionDecl *Function = nullptr;
  /// For a lambda's call operator: the activation that created the closure.
  const Frame *Outer = nullptr;
  /// For a lambda's call operator: its closure class.
  const clang::CXXRecordDecl *Lambda = nullptr;
  std::optional<AbstractLocation> This;
  std::map<const clang::ValueDecl *, AbstractLocation> Referents;
  std::map<const clang::ValueDecl *, AbstractLocation> Pointees;
  std::set<const clang::ValueDecl *> Private;
  /// Where a private value comes from: "param=value" when the thread was
  /// handed a constant, '?' when not known (see PathElement::SliceKey).
  std::map<const clang::ValueDecl *, std::string> PrivateKey;
  /// Lambda captures by copy: the lambda has its own copy of these.
  std::set<const clang::ValueDecl *> ByCopy;
  /// Lambda captures by reference (explicit or through a default [&]).
  std::set<const clang::ValueDecl *> ByReference;
  /// For a copied functor: what its reference and pointer members refer
  /// to (set from the constructor call that made it).
  std::map<const clang::FieldDecl *, AbstractLocation> MemberReferents;
  std::map<const clang::FieldDecl *, AbstractLocation> MemberPointees;
  /// Promises and packaged_tasks moved into this activation (a parameter,
  /// an init-capture): the object they were moved from, as a location key.
  std::map<const clang::ValueDecl *, std::string> SyncAlias;
  /// Futures handed to this activation by value (a parameter, a by-copy
  /// capture): the promise they come from, as a location key.
  std::map<const clang::ValueDecl *, std::string> FutureOf;
  /// Closures stored in local variables, and the frame that made them.
  std::map<const clang::VarDecl *, const Frame *> Closures;
  /// Called from a loop (directly or further up): a thread started in
  /// this activation is started many times.
  bool InLoop = false;
  /// A callback stored in a std::function and called back later: only its
  /// locks count (for lock order and double locks). Its accesses are not
  /// recorded, because what orders them (the queue or registry the
  /// callback went through) is not modelled.
  bool LocksOnly = false;
  /// The call sites that led here from the thread's entry, outermost
  /// first (for notes; not part of the key).
  std::vector<clang::SourceLocation> Calls;

  /// A string identifying the bindings, for memoizing callee analyses.
  std::string key() const;
};

} // namespace analysis
} // namespace racelab

#endif
