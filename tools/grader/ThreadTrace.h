//===- ThreadTrace.h - Which threads of a submission did the work, when ---===//
//
// The "concurrency" criterion: a fix of a racy program must keep the
// required number of worker threads doing the work at the same time. A
// program cannot be trusted to say what its threads did, so the tracer
// watches it from outside with ptrace: every clone, fork, exec and exit of
// every thread stops the tracee for a moment, and a sampler thread reads,
// in rounds ThreadSamplePeriod apart and without stopping anything, each
// program thread's CPU time (/proc/<pid>/task/<tid>/schedstat) and whether
// it is running or waiting for a CPU (its state in .../stat). The result
// is a JSON report that `racelab grade` reads back and assesses.
//
// Limits (see assessConcurrency): CPU time is not useful work, so threads
// that spin next to a main thread doing the real work pass, and so do
// threads that busy-wait on a spin lock held for a whole job; threads made
// with clone(CLONE_UNTRACED) are not seen (which can only make a program
// fail); workers that use less than a few scheduler ticks of CPU each
// cannot be shown to overlap.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_THREADTRACE_H
#define RACELAB_GRADER_THREADTRACE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace racelab {

/// How often the tracer samples every live program thread; less often when
/// a round takes more than a tenth of that (many threads).
constexpr double ThreadSamplePeriod = 0.002;

/// One thread of a program process. Times are seconds since the program's
/// first exec (CLOCK_MONOTONIC).
struct ThreadRecord {
  int Tid = 0;
  int Pid = 0;       ///< Its process (thread group id), as the tracer sees it.
  bool Main = false; ///< The thread-group leader.
  double Start = 0;  ///< Clone (or the exec that made it the program).
  double End = 0;    ///< PTRACE_EVENT_EXIT, or when it was found gone.
  uint64_t CpuNanos = 0; ///< CPU time it used as the program.
  /// A thread's demand is the set of sampling rounds (counted from the
  /// start of the trace) in which it used CPU time or was waiting for a
  /// CPU. Its main stretch is the run of demand rounds, pauses of up to 5
  /// rounds included, that holds the most of them. These are its first
  /// demand round, the first and last of its main stretch, and its last;
  /// -1 if it had none. CPU time seen at a thread's exit, between two
  /// rounds, counts in the next round.
  int64_t ActiveFirst = -1;
  int64_t WorkFrom = -1;
  int64_t WorkTo = -1;
  int64_t ActiveLast = -1;
};

struct ThreadTrace {
  std::vector<ThreadRecord> Threads;
  bool ProgramRan = false;     ///< Some process exec'd the program.
  unsigned ProgramProcesses = 0; ///< Processes that were the program.
  double SamplePeriod = ThreadSamplePeriod;
  int ExitCode = 0; ///< The traced command's: its code, or 128+signal.
};

/// Runs Argv (e.g. `setpriv ... bwrap ... -- /scratch/bank 4 20000`) under
/// ptrace, following every thread and process, and writes the ThreadTrace
/// of the processes that are the program to ReportPath as JSON.
///
/// A process is the program while the basename of its executable
/// (/proc/<pid>/exe) is the basename of ProgramPath: the path inside a
/// bubblewrap sandbox differs from the one outside, the name does not, and
/// unlike /proc/<pid>/comm the program cannot change it. A process forked
/// by the program is the program too until it execs something else.
///
/// Signals are delivered to the tracees as without the tracer; if the
/// tracer dies, the kernel kills every tracee (PTRACE_O_EXITKILL). Returns
/// the command's exit code or 128+signal; 125 if tracing failed, after
/// killing the command. Reaps any child of the calling process: call it
/// from a process with no other children.
int runThreadTrace(const std::vector<std::string> &Argv,
                   const std::string &ProgramPath,
                   const std::string &ReportPath);

llvm::Expected<ThreadTrace> readThreadTrace(llvm::StringRef ReportPath);

/// The hidden verb `racelab trace-threads --report FILE --program PATH --
/// CMD ARGS...` (Argv without the verb): runThreadTrace's exit code, or 2
/// with a message on bad usage.
int runTraceThreadsCommand(const std::vector<std::string> &Argv);

} // namespace racelab

#endif // RACELAB_GRADER_THREADTRACE_H
