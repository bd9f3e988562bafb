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

#include "clang/Basic/SourceLocation.h"

#include <string>
#include <vector>

namespace racelab {
namespace analysis {

/// The name every front end uses for a check (shared with clang-tidy).
inline constexpr const char *DataRaceCheckName = "racelab-data-race";

/// A lock held at an access, and where it was taken.
struct HeldLockInfo {
  std::string Name; ///< "CounterMutex", "A.M", "this->Mutex"
  bool Shared = false;
  clang::SourceLocation AcquiredAt;
};

/// One side of a race.
struct AccessInfo {
  clang::SourceLocation Loc;
  bool IsWrite = false;
  /// "the main thread", "a thread started at buggy.cpp:23"-style text is
  /// the front end's job; the analysis gives the facts.
  bool InMainThread = false; ///< In the thread that ran the root function.
  clang::SourceLocation ThreadSpawn; ///< Where its thread was started.
  std::string ThreadEntry;           ///< "count", "lambda", "Worker::run"
  bool ManyThreads = false;          ///< Started in a loop: several instances.
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

class FindingHandler {
public:
  virtual ~FindingHandler();
  virtual void handleDataRace(const DataRaceFinding &) {}
};

} // namespace analysis
} // namespace racelab

#endif
