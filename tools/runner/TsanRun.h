//===- TsanRun.h - One supervised run of a TSan binary ----------*- C++ -*-===//
//
// Runs an instrumented binary once with racelab's TSan options. TSan writes
// to log_path inside a fresh private directory racelab owns; reports are read
// from there, never from the program's own stdout/stderr, so a program can
// neither fake a report by printing one nor hide one by closing its streams.
// A run that times out has its threads' stacks captured before it is killed.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_TSANRUN_H
#define RACELAB_RUNNER_TSANRUN_H

#include "HangCapture.h"
#include "Supervisor.h"
#include "Toolchain.h"
#include "TsanReport.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace racelab {

struct TsanRunSpec {
  std::string Binary;
  std::vector<std::string> Args;
  double TimeoutSeconds = 10;
  size_t OutputLimitBytes = 1 << 20;
  std::string WorkingDir;
  /// Starts the run another way (a grader's sandbox); unset: directly.
  Launcher Launch;
  /// Capture the stacks of a run that times out (off for runs under a
  /// tracer, which gdb cannot attach to).
  bool CaptureHangs = true;
  /// The program's pid in the run's process group when the group leader is
  /// a launcher (a sandbox) rather than the program; unset: the leader.
  std::function<pid_t(pid_t Group)> FindProgram;
  /// TSan options added to sanitizers/tsan.options for this run only.
  std::vector<std::string> ExtraOptions;
};

struct TsanRunResult {
  ProcessResult Process;
  TsanLog Log;     ///< Merged over every process that wrote a log.
  unsigned LogFiles = 0;
  std::string SetupError; ///< The private log directory could not be made.
  /// What the program was doing when it timed out, captured before it was
  /// killed (within the capture's budget, so the group is gone within
  /// TimeoutSeconds + 2 s); unset when it did not time out.
  std::optional<HangCapture> Hang;

  /// TSan itself failed (did not start, CHECK failure, limit hit, deadly
  /// signal inside the runtime): the run says nothing about races.
  bool sanitizerFailed() const;
  /// A short reason for sanitizerFailed(), or empty.
  std::string sanitizerProblem() const;
};

class TsanRunner {
public:
  TsanRunner(Toolchain Tools, SanitizerConfig Config)
      : Tools(std::move(Tools)), Config(std::move(Config)) {}

  TsanRunResult run(const TsanRunSpec &Spec) const;

  /// The TSAN_OPTIONS value for a run logging to LogPrefix.
  std::string tsanOptions(const std::string &LogPrefix,
                          const std::vector<std::string> &Extra = {}) const;

private:
  Toolchain Tools;
  SanitizerConfig Config;
};

} // namespace racelab

#endif
