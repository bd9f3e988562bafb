//===- ThreadModel.h - Threads and the accesses they make -------*- C++ -*-===//
//
// The analysis' record of a program: thread contexts (one per spawn site
// and parent; context 0 is the thread that runs the root function, usually
// main) and every access to memory with the facts that hold at it. The
// race detector works on these records only.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_THREADMODEL_H
#define RACELAB_ANALYSIS_THREADMODEL_H

#include "AbstractLocation.h"
#include "FlowState.h"

#include "clang/AST/Expr.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace racelab {
namespace analysis {

struct ThreadContext {
  unsigned Id = 0;
  unsigned Parent = 0;
  const clang::Stmt *SpawnSite = nullptr; ///< Null for a root context.
  clang::SourceLocation Spawn;
  std::string Entry;   ///< "count(int, int)", "lambda", "Worker::run"
  bool Many = false;   ///< Started in a loop: several instances at once.
  /// The parent's other children running when this one was started.
  std::set<unsigned> LiveAtSpawn;
  /// Everything this thread releases (set_value, count_down, release
  /// stores, call_once completion), with the sequence number of its last
  /// release: an access with a smaller number comes before that release.
  std::map<unsigned, uint64_t> Releases;
  std::optional<AbstractLocation> Handle; ///< What joins it.
  unsigned Root = 0; ///< The root context this thread belongs to.
};

struct AccessRecord {
  AbstractLocation Loc;
  bool IsWrite = false;
  /// The initialisation of a new object (`new T`): reported only when no
  /// later write to the object races too, which names the line better.
  bool IsInit = false;
  clang::SourceLocation Where;
  unsigned Context = 0;
  std::set<unsigned> Live; ///< Children of Context running here.
  std::vector<HeldLock> Locks;
  SyncSet Acquired;
  /// Position in the thread's walk (accesses and releases share the count).
  uint64_t Seq = 0;
};

} // namespace analysis
} // namespace racelab

#endif
