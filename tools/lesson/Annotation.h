//===- Annotation.h - Inline expectations in lesson sources -----*- C++ -*-===//
//
// Lessons mark the lines involved in their bug with comments in the spirit of
// clang's -verify:
//
//   Counter++;              // expect-race: Counter
//   std::lock_guard L(B);   // expect-lock-order: B
//   // expect-race@+1: Total
//
// One parser serves the TSan verifier and the static checker: both are
// verified against the same annotations.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_LESSON_ANNOTATION_H
#define RACELAB_LESSON_ANNOTATION_H

#include "LessonDiagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// What an annotated line takes part in. The names follow the static checks
/// (racelab-data-race, ...) where there is one.
enum class AnnotationKind {
  Race,            ///< expect-race: an access of a data race.
  LockOrder,       ///< expect-lock-order: an acquisition in a lock cycle.
  DoubleLock,      ///< expect-double-lock: re-locking a held mutex.
  UseAfterFree,    ///< expect-use-after-free: access to freed memory.
  ThreadLeak,      ///< expect-thread-leak: a thread never joined.
  UnjoinedThread,  ///< expect-unjoined-thread: std::thread destroyed joinable.
  DanglingCapture, ///< expect-dangling-capture: a thread outliving a local.
  CvWait,          ///< expect-cv-wait: a wait without a predicate.
  Deadlock,        ///< expect-deadlock: where a thread blocks forever.
};

struct Annotation {
  AnnotationKind Kind;
  /// The variable, mutex or thread the annotation is about; may be empty for
  /// kinds where a label is optional.
  std::string Label;
  unsigned Line = 0;       ///< The line the expectation applies to.
  unsigned SourceLine = 0; ///< The line the comment is on.
  unsigned Column = 0;     ///< Column of "expect-" in SourceLine.
};

/// "race", "lock-order", ...
llvm::StringRef annotationKindName(AnnotationKind Kind);
std::optional<AnnotationKind> annotationKindFromName(llvm::StringRef Name);
llvm::ArrayRef<AnnotationKind> allAnnotationKinds();

struct AnnotationParseResult {
  std::vector<Annotation> Annotations;
  std::vector<LessonDiagnostic> Errors;
};

/// Reads every "expect-<kind>[@[+-]N][: label]" directive found in the
/// comments of Source. FileName is only used in diagnostics. A directive with
/// an unknown kind, a missing required label or an offset pointing outside
/// the file is an error, never silently ignored.
AnnotationParseResult parseAnnotations(llvm::StringRef Source,
                                       llvm::StringRef FileName);

} // namespace racelab

#endif
