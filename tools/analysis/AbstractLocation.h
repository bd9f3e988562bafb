//===- AbstractLocation.h - Memory as the analysis names it -----*- C++ -*-===//
//
// An abstract location is an access path: a root (a global or static, a
// local of one thread context, a heap object allocated at one site) and a
// path of fields and element accesses below it. Two threads touch the same
// memory when their paths share a root and one path is a prefix of the
// other. Element accesses indexed by a thread's own index (out[t],
// partial[i] within its chunk) are "slices": two slices of different
// threads never overlap, which keeps the chunk/run/reassemble pattern quiet.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_ABSTRACTLOCATION_H
#define RACELAB_ANALYSIS_ABSTRACTLOCATION_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <tuple>

namespace racelab {
namespace analysis {

struct PathElement {
  /// Structure: the bookkeeping of a container (its size, its buffer
  /// pointer), as touched by push_back or size(); distinct from its
  /// elements, which only a structure *write* (reallocation) disturbs.
  enum class Kind { Field, Element, Structure };
  Kind K = Kind::Field;
  const clang::FieldDecl *Field = nullptr; ///< For Kind::Field.
  /// For Kind::Element: the index depends only on values private to the
  /// accessing thread (its own index or chunk bounds).
  bool Slice = false;
  /// For Kind::Element: the index when it is a constant, else -1.
  int64_t Index = -1;
  /// For a slice: where its index comes from ("param=value" pairs, '?'
  /// for unknown values). Two slices with the same fully known key are the
  /// same slice (two threads given the same bounds); any other two slices
  /// are assumed disjoint.
  std::string SliceKey;
  /// For Kind::Element: the subscript as written, where known. Not part of
  /// the identity: it only lets the lock-order check read `forks[i]` and
  /// `forks[(i + 1) % N]` as neighbours.
  const clang::Expr *IndexExpr = nullptr;

  bool operator==(const PathElement &O) const {
    return K == O.K && Field == O.Field && Slice == O.Slice && Index == O.Index &&
           SliceKey == O.SliceKey;
  }
  bool operator<(const PathElement &O) const {
    return std::tie(K, Field, Slice, Index, SliceKey) <
           std::tie(O.K, O.Field, O.Slice, O.Index, O.SliceKey);
  }
};

struct AbstractLocation {
  enum class RootKind {
    Global, ///< Global, namespace-scope, static member or function static.
    Local,  ///< A local (or a parameter's own copy) of one thread context.
    Heap,   ///< An object allocated by new / make_shared at one site.
  };
  RootKind Kind = RootKind::Global;
  const void *Root = nullptr; ///< The VarDecl, or the allocating Expr.
  /// The thread context whose stack (or allocation) this is; 0 for globals.
  unsigned Owner = 0;
  /// Distinguishes a lambda's by-copy capture from the captured variable.
  const void *CopyOf = nullptr;
  llvm::SmallVector<PathElement, 2> Path;
  /// How to call it in a message ("Counter", "Alice.Balance").
  std::string Name;

  static AbstractLocation global(const clang::VarDecl *V);
  static AbstractLocation local(const clang::VarDecl *V, unsigned Owner);
  static AbstractLocation heap(const clang::Expr *Site, unsigned Owner,
                               std::string Name);

  /// This location's Field member.
  AbstractLocation field(const clang::FieldDecl *F) const;
  /// An element of this location (array, vector, ...); Index when the
  /// subscript is a constant.
  AbstractLocation element(bool Slice, int64_t Index = -1,
                           std::string SliceKey = "",
                           const clang::Expr *IndexExpr = nullptr) const;
  /// The bookkeeping of this container.
  AbstractLocation structure() const;

  /// The variable a finding is about: the path without trailing element
  /// and structure steps (Cache, Cache[] and Cache's bookkeeping are all
  /// "Cache").
  AbstractLocation variable() const;
  /// True if the path ends in the container's bookkeeping.
  bool isStructure() const {
    return !Path.empty() && Path.back().K == PathElement::Kind::Structure;
  }
  /// True if the path reaches into an element.
  bool reachesElement() const;

  bool sameRoot(const AbstractLocation &O) const {
    return Kind == O.Kind && Root == O.Root && Owner == O.Owner && CopyOf == O.CopyOf;
  }
  /// Same root as far as memory goes: a heap object reached through a
  /// global, a member or a returned pointer (owner 0: "whichever instance
  /// was published") may be the one any thread allocated at that site.
  bool mayShareRoot(const AbstractLocation &O) const {
    if (Kind != O.Kind || Root != O.Root || CopyOf != O.CopyOf)
      return false;
    if (Owner == O.Owner)
      return true;
    return Kind == RootKind::Heap && (Owner == 0 || O.Owner == 0);
  }
  /// Identity (the name is not part of it).
  bool operator==(const AbstractLocation &O) const {
    return sameRoot(O) && Path == O.Path;
  }
  bool operator<(const AbstractLocation &O) const;

  /// True when accesses to this location and O by two different threads
  /// may touch the same memory.
  bool overlaps(const AbstractLocation &O) const;

  /// A stable string for map keys and memoization.
  std::string key() const;
};

} // namespace analysis
} // namespace racelab

#endif
