//===- TsanReportKind.cpp - The kinds of ThreadSanitizer reports ----------===//
//
// One table maps each kind to its lesson id and to the header text clang 19's
// runtime prints, so the parser, the lesson loader and the printers agree.
//
//===----------------------------------------------------------------------===//
#include "TsanReportKind.h"

#include "llvm/ADT/STLExtras.h"

namespace racelab {
namespace {

struct KindInfo {
  TsanReportKind Kind;
  llvm::StringLiteral Id;
  llvm::StringLiteral Header; ///< ReportTypeString() in tsan_report.cpp.
};

constexpr KindInfo Kinds[] = {
    {TsanReportKind::DataRace, "data-race", "data race"},
    {TsanReportKind::VptrRace, "vptr-race",
     "data race on vptr (ctor/dtor vs virtual call)"},
    {TsanReportKind::HeapUseAfterFree, "heap-use-after-free",
     "heap-use-after-free"},
    {TsanReportKind::VptrUseAfterFree, "vptr-use-after-free",
     "heap-use-after-free (virtual call vs free)"},
    {TsanReportKind::ExternalRace, "external-race", "race on external object"},
    {TsanReportKind::ThreadLeak, "thread-leak", "thread leak"},
    {TsanReportKind::MutexDestroyLocked, "destroy-locked-mutex",
     "destroy of a locked mutex"},
    {TsanReportKind::MutexDoubleLock, "double-lock", "double lock of a mutex"},
    {TsanReportKind::MutexInvalidAccess, "invalid-mutex",
     "use of an invalid mutex (e.g. uninitialized or destroyed)"},
    {TsanReportKind::MutexBadUnlock, "bad-unlock",
     "unlock of an unlocked mutex (or by a wrong thread)"},
    {TsanReportKind::MutexBadReadLock, "bad-read-lock",
     "read lock of a write locked mutex"},
    {TsanReportKind::MutexBadReadUnlock, "bad-read-unlock",
     "read unlock of a write locked mutex"},
    {TsanReportKind::SignalUnsafe, "signal-unsafe-call",
     "signal-unsafe call inside of a signal"},
    {TsanReportKind::ErrnoInSignal, "errno-in-signal",
     "signal handler spoils errno"},
    {TsanReportKind::LockOrderInversion, "lock-order-inversion",
     "lock-order-inversion (potential deadlock)"},
    {TsanReportKind::MutexHeldWrongContext, "mutex-held-wrong-context",
     "mutex held in the wrong context"},
};

const KindInfo *find(TsanReportKind Kind) {
  for (const KindInfo &Info : Kinds)
    if (Info.Kind == Kind)
      return &Info;
  return nullptr;
}

} // namespace

llvm::StringRef tsanReportKindId(TsanReportKind Kind) {
  if (const KindInfo *Info = find(Kind))
    return Info->Id;
  return "unknown";
}

std::optional<TsanReportKind> tsanReportKindFromId(llvm::StringRef Id) {
  for (const KindInfo &Info : Kinds)
    if (Info.Id == Id)
      return Info.Kind;
  return std::nullopt;
}

TsanReportKind tsanReportKindFromHeader(llvm::StringRef Header) {
  Header = Header.trim();
  for (const KindInfo &Info : Kinds)
    if (Info.Header == Header)
      return Info.Kind;
  // External race headers come from user-registered tags
  // (__tsan_external_register_header) and carry arbitrary text.
  if (Header.contains("race"))
    return TsanReportKind::ExternalRace;
  return TsanReportKind::Unknown;
}

llvm::ArrayRef<TsanReportKind> allTsanReportKinds() {
  static const std::vector<TsanReportKind> All = [] {
    std::vector<TsanReportKind> Result;
    for (const KindInfo &Info : Kinds)
      Result.push_back(Info.Kind);
    return Result;
  }();
  return All;
}

} // namespace racelab
