//===- TsanReport.h - Structured ThreadSanitizer reports --------*- C++ -*-===//
//
// The records a ThreadSanitizer log is parsed into: one TsanReport per
// "WARNING: ThreadSanitizer: ..." block, with its memory accesses, stacks,
// mutexes, threads and location, plus the fatal runtime errors TSan prints
// outside of reports. Plain data, no behaviour beyond small queries.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_TSAN_TSANREPORT_H
#define RACELAB_TSAN_TSANREPORT_H

#include "TsanReportKind.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// One symbolized frame: "#3 worker(int) /src/a.cpp:12:5 (a.out+0x1234)".
struct TsanFrame {
  unsigned Index = 0;
  std::string Function; ///< Empty when TSan printed <null>.
  std::string File;     ///< Empty when TSan printed <null>.
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Module; ///< "a.out", "libstdc++.so.6"; may be empty.
  uint64_t ModuleOffset = 0;
};

struct TsanStack {
  std::vector<TsanFrame> Frames;
  /// TSan printed "[failed to restore the stack]": the access is known but
  /// its history was already overwritten.
  bool RestoreFailed = false;
};

/// A thread as TSan names it in an access line: "main thread" or "thread T3".
struct TsanThreadRef {
  int Id = -1; ///< 0 for the main thread, -1 when unknown.
  bool isMain() const { return Id == 0; }
  std::string str() const;
};

/// A mutex held during an access: "(mutexes: write M0, read M3)".
struct TsanHeldMutex {
  unsigned Id = 0;
  bool Exclusive = true;
};

/// "Write of size 4 at 0x... by thread T1 (mutexes: write M0):" and its stack.
struct TsanAccess {
  bool IsWrite = false;
  bool IsAtomic = false;
  bool IsPrevious = false; ///< The older of the two accesses.
  unsigned Size = 0;       ///< 0 for external-object accesses.
  std::string Address;
  std::string ExternalObject; ///< Set for "Modifying access of <object>".
  TsanThreadRef Thread;
  std::vector<TsanHeldMutex> Mutexes;
  TsanStack Stack;
};

/// "Mutex M0 (0x...) created at:" and its stack.
struct TsanMutex {
  unsigned Id = 0;
  std::string Address;
  TsanStack Creation;
};

/// One edge of a lock-order cycle: "Mutex M1 acquired here while holding
/// mutex M0 in thread T1:" plus, with second_deadlock_stack=1, where the held
/// mutex was acquired.
struct TsanLockEdge {
  unsigned Acquired = 0;
  unsigned Held = 0;
  TsanThreadRef Thread;
  TsanStack AcquiredAt;
  TsanStack HeldAcquiredAt; ///< Empty without second_deadlock_stack.
};

/// "Thread T1 'name' (tid=123, finished) created by main thread at:".
struct TsanThread {
  int Id = -1;
  std::string Name;
  uint64_t OsTid = 0;
  bool Running = false;
  TsanThreadRef Parent;
  TsanStack Creation;
};

/// "Location is global 'x' of size 4 at ...", heap block, stack, TLS, fd.
struct TsanLocation {
  enum class LocationKind { Global, Heap, Stack, Tls, FileDescriptor, Other };
  LocationKind Kind = LocationKind::Other;
  std::string Text;       ///< The line as printed, trimmed.
  std::string GlobalName; ///< For globals.
  uint64_t Size = 0;      ///< For globals and heap blocks.
  TsanThreadRef Thread;   ///< Allocating thread, stack or TLS owner.
  TsanStack Stack;        ///< Allocation or fd creation stack, if printed.
};

struct TsanReport {
  TsanReportKind Kind = TsanReportKind::Unknown;
  std::string KindText; ///< As printed, e.g. "data race".
  int Pid = 0;
  /// Stacks printed directly under the header (mutex misuse, signal kinds,
  /// double lock, ...), in order.
  std::vector<TsanStack> Stacks;
  std::vector<TsanAccess> Accesses;
  std::vector<TsanLockEdge> LockEdges; ///< Lock-order-inversion only.
  std::vector<unsigned> Cycle;         ///< Mutex ids of the lock-order cycle.
  std::vector<TsanLocation> Locations;
  std::vector<TsanMutex> Mutexes;
  std::vector<TsanThread> Threads;
  std::optional<TsanStack> Sleep; ///< "As if synchronized via sleep:".
  int Signal = 0;                 ///< "Signal N handler invoked at:".
  unsigned SimilarCount = 0;      ///< "And N more similar thread leaks."
  std::string Summary;            ///< The SUMMARY line without its prefix.
  /// The log ended, or another report began, before this one was complete.
  bool Truncated = false;
  unsigned FirstLine = 0; ///< 1-based line of the WARNING header in the log.

  const TsanMutex *findMutex(unsigned Id) const;
  const TsanThread *findThread(int Id) const;

  /// The stacks that take part in the bug itself: the accesses, the lock
  /// acquisitions of a cycle, the stacks under the header, and for a thread
  /// leak the creation of the leaked thread. Report matching blames the
  /// lines these stacks point at.
  std::vector<const TsanStack *> involvedStacks() const;
};

/// Errors TSan prints outside of reports: failed start, CHECK failures,
/// deadly signals, out of memory. They make a run's verdict unreliable.
struct TsanFatalError {
  std::string Text; ///< The first line, trimmed.
  unsigned Line = 0;
};

struct TsanLog {
  std::vector<TsanReport> Reports;
  std::vector<TsanFatalError> FatalErrors;
  /// Number from "ThreadSanitizer: reported N warnings", if printed.
  std::optional<unsigned> ReportedCount;
};

} // namespace racelab

#endif
