//===- ValgrindRun.cpp - A program under Helgrind or DRD ------------------===//
#include "ValgrindRun.h"

#include "Supervisor.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

#include <algorithm>

namespace racelab {

namespace {

/// Valgrind exits with this when the tool reported an error, so a report
/// is told from the program's own exit status.
constexpr int ErrorExitCode = 99;

struct KindPattern {
  const char *Regex;
  const char *Kind;
};

// The openings of Helgrind's and DRD's error messages (Valgrind 3.19),
// after the "==PID== " prefix. Lines of context (stacks, "Locks held",
// thread announcements) match none of them.
const KindPattern Patterns[] = {
    {"^Possible data race during ", "data-race"},             // Helgrind
    {"^Conflicting (load|store) by thread ", "data-race"},    // DRD
    {"^Thread #[0-9]+: lock order .* violated", "lock-order"}, // Helgrind
    {"^Thread #[0-9]+: Attempt to re-lock a non-recursive lock", "double-lock"},
    {"^Recursive locking not allowed", "double-lock"},        // DRD
    {"^Thread #[0-9]+: pthread_cond_[{},a-z_]+: dubious", "cv-misuse"},
    {"^Probably a race condition: condition variable", "cv-misuse"}, // DRD
    {"^Thread #[0-9]+: Exiting thread still holds", "lock-held-at-exit"},
    {"^Mutex still locked at thread exit", "lock-held-at-exit"}, // DRD
};

} // namespace

llvm::StringRef valgrindToolName(ValgrindTool Tool) {
  return Tool == ValgrindTool::Helgrind ? "helgrind" : "drd";
}

std::vector<std::string> valgrindErrorKinds(llvm::StringRef Log) {
  static const llvm::Regex Prefix("^==[0-9]+== ");
  // Any other error message Helgrind opens with "Thread #N" + ':' or a
  // verb, DRD with a capitalised sentence; both are followed by a stack.
  static const llvm::Regex OtherHelgrind("^Thread #[0-9]+( unlocked|'s call|:)");
  std::vector<std::string> Kinds;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Log.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::SmallVector<llvm::StringRef, 1> M;
    if (!Prefix.match(Line, &M))
      continue;
    llvm::StringRef Text = Line.drop_front(M[0].size());
    const char *Found = nullptr;
    for (const KindPattern &P : Patterns)
      if (llvm::Regex(P.Regex).match(Text)) {
        Found = P.Kind;
        break;
      }
    if (!Found && OtherHelgrind.match(Text))
      Found = "other";
    if (Found)
      Kinds.push_back(Found);
  }
  std::sort(Kinds.begin(), Kinds.end());
  Kinds.erase(std::unique(Kinds.begin(), Kinds.end()), Kinds.end());
  return Kinds;
}

ValgrindOutcome runUnderValgrind(const ValgrindSpec &Spec) {
  ValgrindOutcome Out;
  ProcessSpec P;
  // --fair-sched: threads take turns in a fixed order, so the same
  // program gives the same reports run after run.
  P.Argv = {Spec.Valgrind, "--tool=" + valgrindToolName(Spec.Tool).str(), "-q",
            "--fair-sched=yes", "--error-exitcode=" + std::to_string(ErrorExitCode)};
  // DRD warns when a condition variable is signalled without its mutex
  // held, which is correct C++, and only if a waiter happens to be
  // waiting at that moment: a verdict that changes from run to run.
  if (Spec.Tool == ValgrindTool::Drd)
    P.Argv.push_back("--report-signal-unlocked=no");
  if (!Spec.Suppressions.empty())
    P.Argv.push_back("--suppressions=" + Spec.Suppressions);
  P.Argv.push_back(Spec.Program);
  P.Argv.insert(P.Argv.end(), Spec.Args.begin(), Spec.Args.end());
  P.TimeoutSeconds = Spec.TimeoutSeconds;
  ProcessResult R = runSupervised(P);
  if (R.Kind == ExitKind::FailedToStart) {
    Out.Problem = "cannot run valgrind: " + R.Error;
    return Out;
  }
  Out.Kinds = valgrindErrorKinds(R.Stderr);
  Out.TimedOut = R.Kind == ExitKind::TimedOut;
  Out.Crashed = R.Kind == ExitKind::Signaled;
  // Valgrind's own failures (a bad option, a tool that will not start)
  // exit 1 with "valgrind:" messages and no error report.
  if (R.Kind == ExitKind::Exited && R.ExitCode != 0 && R.ExitCode != ErrorExitCode &&
      llvm::StringRef(R.Stderr).contains("valgrind: "))
    Out.Problem = "valgrind failed: " + llvm::StringRef(R.Stderr).trim().str();
  // Reported errors whose message this file does not know still count.
  if (R.Kind == ExitKind::Exited && R.ExitCode == ErrorExitCode && Out.Kinds.empty())
    Out.Kinds.push_back("other");
  // Helgrind's "pthread_cond_signal: dubious: associated lock is not held"
  // is the same timing-dependent warning about correct code (it has no
  // option to turn it off): it is read, and left out.
  Out.Kinds.erase(std::remove(Out.Kinds.begin(), Out.Kinds.end(), "cv-misuse"),
                  Out.Kinds.end());
  return Out;
}

} // namespace racelab
