//===- FlowState.h - What holds at a program point --------------*- C++ -*-===//
//
// The facts the walker carries along the control-flow graph: the locks held
// (and which guard object owns them), the child threads started and not yet
// joined, and the synchronisation objects (promises, latches, atomics,
// once flags) this thread has acquired so far. (Releases are recorded with
// their position in the thread, not in the state.)
//
// At a join point locks are intersected (held on every path), live threads
// are united (live on some path), acquired objects are intersected.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_FLOWSTATE_H
#define RACELAB_ANALYSIS_FLOWSTATE_H

#include "AbstractLocation.h"

#include "clang/Basic/SourceLocation.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace racelab {
namespace analysis {

struct HeldLock {
  AbstractLocation Mutex;
  bool Shared = false;
  clang::SourceLocation AcquiredAt;
  /// Not a mutex: a branch only one thread can take (the winner of a
  /// compare-exchange, `if (Id == 0)`). Excludes like a lock, but takes no
  /// part in lock order and is not named in messages.
  bool Pseudo = false;
  /// How many calls deep (Frame::Calls) the thread was when it took the
  /// lock: the calls below that depth were made with the lock held.
  unsigned Depth = 0;
  /// Times taken without release: a recursive mutex locked twice (or a
  /// double lock, already reported) stays held after one release. Not part
  /// of the identity, so that a loop that re-locks still reaches a fixpoint.
  unsigned Count = 1;

  bool operator<(const HeldLock &O) const {
    return std::tie(Mutex, Shared) < std::tie(O.Mutex, O.Shared);
  }
  bool operator==(const HeldLock &O) const {
    return Mutex == O.Mutex && Shared == O.Shared;
  }
};

/// Sync objects (promises, latches, atomics, once flags) by their interned
/// id (RaceAnalysis::syncId): small integers keep states cheap to copy and
/// compare.
using SyncSet = std::set<unsigned>;

struct FlowState {
  std::vector<HeldLock> Locks; ///< Sorted, unique.
  std::set<unsigned> Live;     ///< Child thread contexts not yet joined.
  /// Guard variable -> the mutexes it manages (unique_lock can unlock and
  /// relock; its destructor releases only what it still holds).
  std::map<const clang::VarDecl *, std::vector<AbstractLocation>> Guards;
  SyncSet Acquired;

  void acquire(const AbstractLocation &Mutex, bool Shared, clang::SourceLocation At,
               bool Pseudo = false, unsigned Depth = 0);
  void release(const AbstractLocation &Mutex);
  bool holds(const AbstractLocation &Mutex) const;

  /// Merges the state of another incoming edge into this one.
  void join(const FlowState &Other);
  bool operator==(const FlowState &O) const;
  bool operator!=(const FlowState &O) const { return !(*this == O); }

  /// A stable string for memoization keys.
  std::string key() const;
};

} // namespace analysis
} // namespace racelab

#endif
