//===- Findings.h - What the analysis reports, and to whom -----*- C++ -*-===//
//
// The analysis never prints. It hands each finding to a FindingHandler, one
// virtual per kind with an empty default (the split of Clang's
// ThreadSafetyHandler), and the front ends -- racecheck, the clang-tidy
// plugin, the unit tests -- decide how to show it. Locations are Clang
// SourceLocations; front ends resolve them with their SourceManager.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_FINDINGS_H
#define RACELAB_ANALYSIS_FINDINGS_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"

#include <optional>

#include <string>
#include <vector>

namespace racelab {
namespace analysis {

/// The names every front end uses for the checks (shared with clang-tidy).
inline constexpr const char *DataRaceCheckName = "racelab-data-race";
inline constexpr const char *LockOrderCheckName = "racelab-lock-order-inversion";
inline constexpr const char *DoubleLockCheckName = "racelab-double-lock";
inline constexpr const char *CvWaitCheckName = "racelab-cv-wait-without-predicate";
inline constexpr const char *UnjoinedThreadCheckName = "racelab-unjoined-thread";
inline constexpr const char *DanglingCaptureCheckName = "racelab-dangling-capture";

/// A lock held at an access, and where it was taken.
struct HeldLockInfo {
  std::string Name; ///< "CounterMutex", "A.M", "this->Mutex"
  bool Shared = false;
  clang::SourceLocation AcquiredAt;
};

/// Which thread something happens in. "the main thread", "a thread
/// started at buggy.cpp:23"-style text is the front end's job; the
/// analysis gives the facts.
struct ThreadInfo {
  bool InMain = false;         ///< The thread that ran the root function.
  clang::SourceLocation Spawn; ///< Where it was started.
  std::string Entry;           ///< "count", "lambda", "Worker::run"
  bool Many = false;           ///< Started in a loop: several instances.
};

/// One side of a race.
struct AccessInfo {
  clang::SourceLocation Loc;
  bool IsWrite = false;
  ThreadInfo Thread;
  std::vector<HeldLockInfo> Locks;
};

/// racelab-data-race: two accesses to one location from threads that may
/// run at the same time, at least one a write, with no lock held in common,
/// not atomic. First is always a write.
struct DataRaceFinding {
  std::string Variable; ///< "Counter", "Accounts.Balance", "*Instance"
  AccessInfo First;
  AccessInfo Second;
};

/// One edge of a lock cycle: holding Held, a thread asks for Acquired.
struct LockOrderStep {
  std::string Held, Acquired;
  clang::SourceLocation HeldAt, AcquiredAt;
  /// Calls made with Held held on the way to AcquiredAt, outermost first.
  std::vector<clang::SourceLocation> Calls;
  ThreadInfo Thread;
};

/// racelab-lock-order-inversion: threads that may run at the same time
/// take the same locks in orders that form a cycle, so each can end up
/// waiting for a lock the next one holds. Steps go round the cycle.
/// Ring: the cycle goes through the elements of one array of mutexes,
/// each instance of one thread taking its own and then its neighbour's
/// (the dining philosophers).
struct LockOrderFinding {
  std::vector<LockOrderStep> Steps;
  bool Ring = false;
};

/// racelab-lock-order-inversion, with a join: a thread waits for another
/// thread (join, future::get) while holding a lock that thread takes.
struct JoinWhileHoldingFinding {
  std::string Mutex;
  clang::SourceLocation HeldAt;     ///< Where the waiting thread took it.
  clang::SourceLocation JoinAt;     ///< The join / get.
  clang::SourceLocation AcquiredAt; ///< Where the joined thread takes it.
  ThreadInfo Waiting, Joined;
};

/// racelab-double-lock: a thread locks a non-recursive mutex it already
/// holds, and waits for itself for ever.
struct DoubleLockFinding {
  std::string Mutex;
  clang::SourceLocation FirstAt;  ///< Where it was taken first.
  clang::SourceLocation SecondAt; ///< The re-lock.
  /// Calls made with the mutex held on the way to SecondAt.
  std::vector<clang::SourceLocation> Calls;
  bool FirstShared = false, SecondShared = false;
  ThreadInfo Thread;
};

/// racelab-cv-wait-without-predicate: a condition-variable wait with no
/// predicate and no loop re-checking the condition.
struct CvWaitFinding {
  std::string ConditionVariable;
  clang::SourceLocation WaitAt;
  /// Inside an `if` that checked the condition once (spurious wakeups).
  clang::SourceLocation CheckedOnceAt;
  /// `if` -> `while`, offered when that `if` holds nothing but the wait:
  /// then the edit is the whole fix and there is no choice to make.
  std::optional<clang::FixItHint> Fix;
};

/// racelab-unjoined-thread: a std::thread can reach its destructor while
/// still joinable, which calls std::terminate.
struct UnjoinedThreadFinding {
  std::string Thread;
  bool InCollection = false;       ///< Thread is a container or array of them.
  clang::SourceLocation StartedAt; ///< Where it becomes joinable.
  clang::SourceLocation EndsAt;    ///< Where it is destroyed (or the throw).
  enum class Exit { ScopeEnd, Return, Throw, CallThrows, Reassigned } How = Exit::ScopeEnd;
  /// `std::thread` -> `std::jthread` in the declaration, offered only where
  /// nothing else depends on the type (see UnjoinedThreadCheck).
  std::optional<clang::FixItHint> Fix;
};

/// racelab-dangling-capture: a thread handed a local by reference or
/// pointer may still run when the local's scope ends.
struct DanglingCaptureFinding {
  std::string Variable;
  clang::SourceLocation SpawnAt;    ///< The thread that borrows it.
  clang::SourceLocation DeclaredAt;
  clang::SourceLocation ScopeEndAt; ///< Where it goes away.
  clang::SourceLocation UseAt;      ///< A use in the thread (if seen).
  bool Detached = false;
  bool ThroughView = false; ///< Handed a string_view / span / data() of it.
  ThreadInfo Thread;
};

class FindingHandler {
public:
  virtual ~FindingHandler();
  virtual void handleDataRace(const DataRaceFinding &) {}
  virtual void handleLockOrder(const LockOrderFinding &) {}
  virtual void handleJoinWhileHolding(const JoinWhileHoldingFinding &) {}
  virtual void handleDoubleLock(const DoubleLockFinding &) {}
  virtual void handleCvWait(const CvWaitFinding &) {}
  virtual void handleUnjoinedThread(const UnjoinedThreadFinding &) {}
  virtual void handleDanglingCapture(const DanglingCaptureFinding &) {}
};

} // namespace analysis
} // namespace racelab

#endif
