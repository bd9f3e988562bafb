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

  bool succeeded() const { return Kind == ExitKind::Exited && ExitCode == 0; }
  /// "exit code 0", "killed by SIGSEGV", "timed out after 10 s", ...
  std::string describe() const;
};

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
