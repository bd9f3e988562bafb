//===- ConcurrencyRule.h - Did the workers work together --------*- C++ -*-===//
//
// The rule of the "concurrency" criterion: from the ThreadTrace of a run,
// whether the required number of worker threads did the program's work at
// the same time, and a sentence for the student saying what was seen.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_CONCURRENCYRULE_H
#define RACELAB_GRADER_CONCURRENCYRULE_H

#include "ThreadTrace.h"

#include <string>

namespace racelab {

struct ConcurrencyResult {
  bool Kept = false;
  std::string Feedback; ///< One or two sentences for the student.
  unsigned Busy = 0;        ///< Worker threads.
  unsigned MaxTogether = 0; ///< Most workers active at the same time.
};

/// Whether RequiredThreads workers did the program's work at the same time.
///
/// A worker is a non-main thread whose CPU time is at least a quarter of an
/// equal share, Total / (RequiredThreads + 1), where Total is the CPU time
/// of all program threads: TSan's background thread and threads left idle
/// are not workers.
///
/// A worker's work is timed by its main stretch, WorkFrom to WorkTo.
/// Unlike its lifetime or its first and last use of the CPU, it leaves out
/// a thread that starts early and then sleeps (on a barrier, on one lock
/// held for a whole job, ...) while others work. Demand, not CPU time
/// alone, because on a loaded machine a worker may get a CPU to itself and
/// finish while the others wait their turn: they still work at the same
/// time. Workers that work one after the other have main stretches that
/// meet in at most a round or two; workers that share the CPUs, even fewer
/// CPUs than workers, have main stretches that nearly coincide. MaxTogether
/// is the largest k such that k workers were in their main stretches
/// together for at least max(3, a quarter of the workers' mean main-stretch
/// span) rounds.
///
/// Kept iff Busy >= RequiredThreads and MaxTogether >= RequiredThreads.
ConcurrencyResult assessConcurrency(const ThreadTrace &T,
                                    unsigned RequiredThreads);

} // namespace racelab

#endif // RACELAB_GRADER_CONCURRENCYRULE_H
