//===- Supervisor.h - Run a program under supervision -----------*- C++ -*-===//
//
// Runs one program the way a grader must: in its own process group, with a
// wall-clock timeout that kills the whole group (grandchildren too), stdout
// and stderr captured up to a cap, and exit code, signal, wall time and
// peak memory recorded.
//
// LLVM's sys::ExecuteNoWait cannot start a process group nor capture output
// through pipes with a cap, so this is built on posix_spawn and pidfd.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_SUPERVISOR_H
#define RACELAB_RUNNER_SUPERVISOR_H

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace racelab {

struct ProcessSpec {
  /// Argv[0] is the program: a path, or a name looked up in PATH.
  std::vector<std::string> Argv;
  /// The complete environment ("NAME=value"); nullopt inherits ours.
  std::optional<std::vector<std::string>> Env;
  std::string WorkingDir; ///< Empty: our own.
  double TimeoutSeconds = 10;
  /// Bytes kept of each of stdout and stderr; the rest is read and dropped
  /// so the program never blocks on a full pipe.
  size_t OutputLimitBytes = 1 << 20;
  /// Kill the program as soon as either stream passes OutputLimitBytes
  /// (graders: gigabytes of output must not cost minutes of draining).
  bool KillAtOutputLimit = false;
  /// Resident memory of the whole process tree, sampled every 50 ms from
  /// /proc; the tree is killed when it is above the limit. Resident memory,
  /// not RLIMIT_AS: TSan reserves terabytes of address space for its shadow
  /// but only touched pages count. 0: no limit.
  size_t MemoryLimitBytes = 0;
  /// How long output is still read once the group was killed: a process
  /// that escaped the group (setsid) may hold the pipes open forever.
  double DrainSeconds = 2;
  /// Called with the process group id when the timeout expires, before the
  /// group is killed (used to capture the stacks of a hung program). The
  /// group is killed when it returns, so its run time adds to the timeout.
  std::function<void(pid_t)> BeforeKill;
};

enum class ExitKind {
  Exited,       ///< Normal exit; ExitCode is set.
  Signaled,     ///< Killed by a signal it did not catch; Signal is set.
  TimedOut,     ///< We killed it at the deadline.
  LimitExceeded, ///< We killed it over a limit; Limit says which.
  FailedToStart ///< Could not be started; Error says why.
};

struct ProcessResult {
  ExitKind Kind = ExitKind::FailedToStart;
  int ExitCode = -1;
  int Signal = 0;
  double WallSeconds = 0;
  long PeakRssKb = 0;
  std::string Stdout;
  std::string Stderr;
  bool StdoutTruncated = false;
  bool StderrTruncated = false;
  std::string Error; ///< For FailedToStart.
  /// For LimitExceeded: "memory" or "output".
  std::string Limit;
  /// Largest resident memory of the whole process tree seen by the
  /// memory sampler (0 when no MemoryLimitBytes was set).
  long TreePeakRssKb = 0;

  bool succeeded() const { return Kind == ExitKind::Exited && ExitCode == 0; }
  /// "exit code 0", "killed by SIGSEGV", "timed out after 10 s", ...
  std::string describe() const;
};

/// Rewrites a ready ProcessSpec to start it another way: inside a sandbox,
/// under a tracer. WritableDirs are the directories the program must be able
/// to write besides its working directory (TSan's private log directory, a
/// build's output directory).
using Launcher =
    std::function<void(ProcessSpec &Spec, const std::vector<std::string> &WritableDirs)>;

/// Runs Spec to completion (or to its timeout) and reports what happened.
/// Never throws; problems starting the program are a FailedToStart result.
ProcessResult runSupervised(const ProcessSpec &Spec);

/// Our environment with the variables named in Drop removed and Extra
/// ("NAME=value") appended.
std::vector<std::string>
environmentWith(const std::vector<std::string> &Extra,
                const std::vector<std::string> &Drop = {});

} // namespace racelab

#endif
