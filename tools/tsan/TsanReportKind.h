//===- TsanReportKind.h - The kinds of ThreadSanitizer reports --*- C++ -*-===//
//
// Every report type clang 19's TSan runtime prints (tsan_report.cpp,
// ReportTypeString), with the header text TSan uses and the short id lessons
// use in lesson.yaml ("data-race", "lock-order-inversion", ...).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_TSAN_TSANREPORTKIND_H
#define RACELAB_TSAN_TSANREPORTKIND_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace racelab {

enum class TsanReportKind {
  DataRace,
  VptrRace,
  HeapUseAfterFree,
  VptrUseAfterFree,
  ExternalRace,
  ThreadLeak,
  MutexDestroyLocked,
  MutexDoubleLock,
  MutexInvalidAccess,
  MutexBadUnlock,
  MutexBadReadLock,
  MutexBadReadUnlock,
  SignalUnsafe,
  ErrnoInSignal,
  LockOrderInversion,
  MutexHeldWrongContext,
  Unknown,
};

/// The kind's id as written in lesson.yaml, e.g. "data-race".
llvm::StringRef tsanReportKindId(TsanReportKind Kind);

/// Inverse of tsanReportKindId; nullopt for an unknown id.
std::optional<TsanReportKind> tsanReportKindFromId(llvm::StringRef Id);

/// Maps the text after "ThreadSanitizer: " in a report header to a kind.
/// Unrecognised headers (a newer runtime, external race tags) map to
/// ExternalRace when they mention a race and Unknown otherwise.
TsanReportKind tsanReportKindFromHeader(llvm::StringRef Header);

/// All kinds except Unknown, for listing the ids in error messages.
llvm::ArrayRef<TsanReportKind> allTsanReportKinds();

} // namespace racelab

#endif
