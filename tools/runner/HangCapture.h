//===- HangCapture.h - What a hung program was doing ------------*- C++ -*-===//
//
// Called by the supervisor when a run times out, before its process group
// is killed: records what /proc says about every thread of the group, runs
// gdb in batch mode against the program for every thread's stack, then
// reads the first words of the locks those stacks wait on (a glibc mutex
// records the thread that holds it). Bounded in time (gdb runs supervised
// and is killed when it runs over) and never silent: when stacks cannot be
// had it says why, and /proc still tells something about every thread.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_HANGCAPTURE_H
#define RACELAB_RUNNER_HANGCAPTURE_H

#include "GdbStacks.h"

#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace racelab {

/// One thread as /proc/<pid>/task/<tid> shows it.
struct ProcThread {
  pid_t Pid = 0; ///< The process the thread belongs to.
  pid_t Tid = 0;
  std::string Comm;
  char State = '?';  ///< R running, S sleeping, D disk wait, T stopped...
  std::string Wchan; ///< Kernel function it sleeps in; empty if unknown.
  /// System call number it is blocked in; -1 when running or unknown.
  long Syscall = -1;
  std::vector<uint64_t> SyscallArgs;
};

/// 32-bit words read at each lock object: a glibc x86-64 pthread_mutex_t
/// keeps its owner's thread id in word 2 and a pthread_rwlock_t its
/// writer's in word 6.
constexpr unsigned LockWordsPerObject = 7;

struct HangCaptureOptions {
  /// gdb to run; empty when there is none (the capture then relies on /proc).
  std::string Gdb;
  /// Wall time the whole capture may take. The supervisor kills the group
  /// right after, so the group is gone within timeout + this + a little.
  double BudgetSeconds = 1.5;
  /// The program's process when it is not the group leader (a sandbox
  /// starts it below its own processes); 0: the leader.
  pid_t Program = 0;
};

struct HangCapture {
  pid_t Group = 0; ///< Also the pid of the program (the group leader).
  /// Every thread of every process in the group, read before gdb attached
  /// (attaching stops the threads, which changes their state).
  std::vector<ProcThread> Proc;
  GdbTranscript Gdb;
  /// The first LockWordsPerObject words of each lock the stacks wait on,
  /// by address; a lock whose memory could not be read is absent.
  std::map<uint64_t, std::vector<int32_t>> LockWords;
  /// Stacks of the program's threads are known (perhaps incomplete, see
  /// Gdb.StacksComplete).
  bool StacksAvailable = false;
  /// Why the stacks are missing or incomplete, as a sentence; empty when
  /// they are complete.
  std::string StacksProblem;
  double Seconds = 0; ///< How long the capture took.
};

/// Captures the group led by Group (see the file comment).
HangCapture captureHang(pid_t Group, const HangCaptureOptions &Options);

/// The threads of every process whose process group is Group, by pid and tid.
std::vector<ProcThread> readProcThreads(pid_t Group);

/// "futex", "nanosleep", ...; "syscall N" for the ones not named here.
std::string syscallName(long Number);

} // namespace racelab

#endif
