//===- DeadlockDetector.h - From lock events to deadlocks -------*- C++ -*-===//
//
// Reads the acquisitions the walk recorded ("holding A, this thread takes
// B") and finds the three ways threads can wait for ever on locks:
//  - a double lock: a thread takes a non-recursive mutex it holds;
//  - a lock-order cycle: threads that may run at the same time take locks
//    in orders that go round a cycle (ABBA, the dining philosophers), with
//    no common lock serialising them (Goodlock's "gate" locks);
//  - a join while holding a lock the joined thread takes.
// Only mutexes that are one object for sure take part (LockIdentity.h):
// a lock cycle through "some element of this array" is reported only in
// the ring shape of the dining philosophers.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_DEADLOCKDETECTOR_H
#define RACELAB_ANALYSIS_DEADLOCKDETECTOR_H

#include "Findings.h"
#include "RaceAnalysis.h"
#include "RaceDetector.h"

namespace racelab {
namespace analysis {

class DeadlockDetector {
public:
  DeadlockDetector(RaceAnalysis &A, const clang::SourceManager &SM)
      : A(A), Order(A, SM) {}

  std::vector<DoubleLockFinding> findDoubleLocks() const;
  std::vector<LockOrderFinding> findLockOrderCycles() const;
  std::vector<JoinWhileHoldingFinding> findJoinsWhileHolding() const;

private:
  struct Edge {
    const LockEvent *Event;
    const HeldLock *Held;
  };
  /// The edges "holding Held, take Event's mutex" the events make.
  std::vector<Edge> edges() const;
  /// Can these edges be in progress at once, in different threads, with
  /// no gate lock in common?
  bool simultaneous(const Edge &X, const Edge &Y) const;
  void findRings(const std::vector<Edge> &Edges,
                 std::vector<LockOrderFinding> &Out) const;
  LockOrderStep step(const Edge &E) const;
  ThreadInfo threadOf(unsigned Context) const;
  /// The calls made below Depth, from the event's call chain.
  static std::vector<clang::SourceLocation> callsBelow(const LockEvent &E, unsigned Depth);
  /// True if the program makes recursive pthread mutexes anywhere.
  bool pthreadMutexesMayBeRecursive() const;

  RaceAnalysis &A;
  RaceDetector Order; ///< For "may these run at the same time".
};

} // namespace analysis
} // namespace racelab

#endif
