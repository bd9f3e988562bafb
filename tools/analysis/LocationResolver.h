//===- LocationResolver.h - Expressions to abstract locations ---*- C++ -*-===//
//
// Answers, for an expression in one activation: which memory does this
// lvalue name (resolve), which object does this pointer, reference, smart
// pointer or iterator value point to (pointee), and does this index depend
// only on values private to the thread (isPrivate).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_LOCATIONRESOLVER_H
#define RACELAB_ANALYSIS_LOCATIONRESOLVER_H

#include "AbstractLocation.h"
#include "Frame.h"

#include "clang/AST/Expr.h"

#include <optional>

namespace racelab {
namespace analysis {

class RaceAnalysis;

class LocationResolver {
public:
  LocationResolver(RaceAnalysis &A, const Frame &F) : A(A), F(F) {}

  /// The memory an lvalue expression names, if known.
  std::optional<AbstractLocation> resolve(const clang::Expr *E) const;

  /// The object a pointer-like value points to (or a reference refers to),
  /// if known.
  std::optional<AbstractLocation> pointee(const clang::Expr *E) const;

  /// The same for a variable named directly.
  std::optional<AbstractLocation> resolveVariable(const clang::VarDecl *V) const {
    return resolveVar(V, nullptr);
  }
  std::optional<AbstractLocation> pointeeOfVariable(const clang::VarDecl *V) const {
    return pointeeOfVar(V);
  }
  bool isPrivateVariable(const clang::ValueDecl *V) const;

  /// The value of a constant subscript, or -1.
  int64_t constantIndex(const clang::Expr *E) const;

  /// Whether a subscript selects the thread's own slot, and the key of
  /// where its private part comes from. `t`, `Begin + k`, `t * Chunk + i`
  /// are slots; `i % 16`, `hist[pixel[i]]` (many threads can land on one
  /// element) and `i - 1` (a neighbour's slot) are not.
  struct SliceShape {
    bool Slice = false;
    std::string Key;
  };
  SliceShape sliceShape(const clang::Expr *Index) const;

  /// True if E involves a loop counter (a value walking a range).
  bool walksARange(const clang::Expr *E) const;

  /// The origin key of the private values in E ('?' parts for unknown).
  std::string privateKey(const clang::Expr *E) const;

  /// True if E's value is private to the current thread: it only involves
  /// the thread's own index, chunk bounds, or values read from its own
  /// slice. Used to tell out[t] (one slot per thread) from out[i].
  bool isPrivate(const clang::Expr *E) const;

  /// When resolving the arguments of a spawn in a loop, loop counters of
  /// the spawner count as private: &ids[i] gives each thread its own slot.
  void setLoopCountersPrivate(bool On) { LoopCountersPrivate = On; }

  /// Strips parentheses, no-op casts, temporaries and cleanups.
  static const clang::Expr *strip(const clang::Expr *E);

private:
  std::optional<AbstractLocation> resolveVar(const clang::VarDecl *V,
                                             const clang::Expr *Use) const;
  std::optional<AbstractLocation> pointeeOfVar(const clang::VarDecl *V) const;
  /// The frame whose function declares V (following lambda Outer links for
  /// by-reference captures), or null.
  const Frame *owningFrame(const clang::ValueDecl *V) const;

  RaceAnalysis &A;
  const Frame &F;
  bool LoopCountersPrivate = false;
  mutable unsigned Depth = 0; ///< Guards initialiser chains.
};

/// True if V is declared (as a local or parameter) in Fn.
bool isDeclaredIn(const clang::ValueDecl *V, const clang::FunctionDecl *Fn);


} // namespace analysis
} // namespace racelab

#endif
