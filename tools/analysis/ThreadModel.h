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
  /// Locals of the parent the thread was handed by reference or pointer
  /// (a `[&]` capture, `std::ref(x)`, `&x`): they must outlive it.
  std::map<const clang::VarDecl *, clang::SourceLocation> Borrowed;
  /// The Borrowed locals it sees only through a view (string_view, span,
  /// data()): its uses go through the view, so none is recorded on them.
  std::set<const clang::VarDecl *> Viewed;
  bool Detached = false; ///< detach() was called on its handle.
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

/// How a mutex was taken: only a blocking acquisition can wait for ever.
enum class LockHow {
  Blocking, ///< lock(), a guard, pthread_mutex_lock.
  Try,      ///< try_lock on the branch that got it: never waits.
  Together, ///< std::lock / scoped_lock of several: no order among them.
};

/// What kind of mutex it is, as far as re-locking goes.
enum class MutexKind {
  NonRecursive, ///< std::mutex, timed_mutex, shared_mutex...: re-locking hangs.
  Recursive,    ///< recursive_mutex and friends.
  Pthread,      ///< pthread_mutex_t: recursive only if made so at run time.
  Unknown,      ///< The program's own lockable: we cannot tell.
};

/// One acquisition of a mutex, with what the thread held when it asked.
/// Point.Loc is the mutex, Point.Locks the locks held before it,
/// Point.Where the acquisition.
struct LockEvent {
  AccessRecord Point;
  bool Shared = false;
  LockHow How = LockHow::Blocking;
  MutexKind Kind = MutexKind::Unknown;
  /// The calls that led here from the function that took the first held
  /// lock (innermost last), for notes: "called here with 'M' held".
  std::vector<clang::SourceLocation> Calls;
};

/// A join (or a wait for a future) while holding locks: the joined
/// threads must not need them.
struct JoinEvent {
  AccessRecord Point; ///< Point.Locks: the locks held at the join.
  std::vector<unsigned> Joined;
};

/// A local going out of scope while threads that borrowed it may run.
struct ScopeEndEvent {
  const clang::VarDecl *Var = nullptr;
  unsigned Context = 0;
  clang::SourceLocation Where;
  std::vector<unsigned> Running; ///< Threads that borrowed it, not joined.
};

} // namespace analysis
} // namespace racelab

#endif
