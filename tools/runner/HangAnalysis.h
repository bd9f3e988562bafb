//===- HangAnalysis.h - Which thread waits on what --------------*- C++ -*-===//
//
// Turns a hang capture into findings: each thread classified by what it is
// blocked in (a mutex, a rwlock, a condition variable, a join, a semaphore
// or futex, a sleep, I/O) or found running, with the user's frame where it
// blocks, the lock object and the thread holding it; then the wait-for
// graph over those edges and its cycles, which are the deadlock. Without
// stacks, the same from /proc: a thread's futex wait, read with the word it
// sleeps on, still tells a mutex lock (and its owner) or a join.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_HANGANALYSIS_H
#define RACELAB_RUNNER_HANGANALYSIS_H

#include "FrameFilter.h"
#include "GdbStacks.h"
#include "HangCapture.h"
#include "TsanReport.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace racelab {

enum class WaitKind {
  Mutex,     ///< Locking a mutex (pthread, std::mutex and its kin).
  RwLock,    ///< Locking a reader-writer lock (shared_mutex).
  CondVar,   ///< Waiting on a condition variable.
  Join,      ///< Joining a thread.
  Semaphore, ///< Acquiring a semaphore.
  Futex,     ///< A raw futex or atomic wait (barriers, latches, gates).
  Sleep,     ///< Sleeping for a time.
  Io,        ///< In a blocking I/O call (read, poll, accept...).
  Running,   ///< Not blocked: running its own code.
  Unknown,   ///< Blocked in something not recognised, or no stack.
};

/// "mutex", "rwlock", "condition-variable", ... (JSON and signatures).
llvm::StringRef waitKindId(WaitKind Kind);

/// What the thread is doing, for people: "blocked locking a mutex",
/// "waiting to join a thread", "running", ...
llvm::StringRef waitKindText(WaitKind Kind);

struct HungThread {
  unsigned Number = 0; ///< gdb's thread number; 0 without stacks.
  uint64_t Lwp = 0;
  std::string Name;
  WaitKind Kind = WaitKind::Unknown;
  /// The innermost frame in the program's own source, where it blocks.
  std::optional<TsanFrame> UserFrame;
  /// No frame had source information (no -g): UserFrame is the innermost
  /// frame of the program's own code by its function name alone.
  bool UserFrameGuessed = false;
  /// Every frame, innermost first, in the form the report printer folds.
  TsanStack Stack;
  /// The frame the classification came from ("pthread_mutex_lock").
  std::string BlockedIn;

  /// The mutex, rwlock, condition variable, semaphore or futex word waited
  /// on; for a join, the joined thread's pthread_t.
  std::optional<uint64_t> Object;
  std::string ObjectSymbol; ///< gdb's symbol for it ("A", "Cv"), if any.
  /// The mutex a condition-variable wait releases and takes back.
  std::optional<uint64_t> CondVarMutex;
  /// The thread holding Object (mutex owner, rwlock writer) or joined.
  std::optional<uint64_t> HolderLwp;
  /// How the holder is known, or why it is not ("held by 1 reader, which
  /// glibc does not record"); empty when HolderLwp says it all.
  std::string HolderNote;

  /// From /proc when gdb gave no stacks.
  char ProcState = '?';
  std::string Wchan;
  std::string Syscall;

  bool blocked() const { return Kind != WaitKind::Running && Kind != WaitKind::Unknown; }
  /// Blocked until another thread acts: on a lock, condition variable,
  /// join, semaphore or futex (not a sleep or I/O).
  bool waitsForThread() const {
    return blocked() && Kind != WaitKind::Sleep && Kind != WaitKind::Io;
  }
};

/// Threads waiting on each other in a ring: each waits for a lock the next
/// holds (or to join the next), the last for the first.
struct WaitCycle {
  std::vector<uint64_t> Lwps; ///< In wait-for order, lowest thread first.
};

struct HangReport {
  pid_t Pid = 0;
  bool StacksAvailable = false;
  std::string StacksProblem; ///< See HangCapture::StacksProblem.
  /// The program's threads by gdb number (or by LWP without stacks); the
  /// sanitizer's own background thread is left out.
  std::vector<HungThread> Threads;
  unsigned RuntimeThreads = 0; ///< Sanitizer threads left out.
  std::vector<WaitCycle> Cycles;
  double CaptureSeconds = 0;

  const HungThread *findByLwp(uint64_t Lwp) const;
};

/// Classifies the threads of a capture and finds the wait-for cycles.
HangReport analyzeHang(const HangCapture &Capture, const FrameFilter &Filter);

/// The lock objects whose words the capture reads once gdb is done: the
/// mutexes and rwlocks the threads of T wait on.
std::vector<uint64_t> lockObjectsToRead(const GdbTranscript &T);

/// Without stacks: the futex words the threads of process Pid sleep on the
/// way a mutex lock does.
std::vector<uint64_t> lockObjectsToRead(const std::vector<ProcThread> &Threads,
                                        pid_t Pid);

} // namespace racelab

#endif
