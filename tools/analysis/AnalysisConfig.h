//===- AnalysisConfig.h - User-supplied spawn, join and lock functions -*- C++ -*-===//
//
// The analysis knows the standard library and pthreads. A course or a
// codebase has its own thread pool and mutex wrappers; this names them.
// Read from YAML text (racecheck finds .racecheck.yaml next to the sources,
// the clang-tidy plugin reads CheckOptions) -- the analysis does no I/O.
//
//   spawn:                       # calls that run a callable on another thread
//     - function: ThreadPool::submit
//       callable_arg: 0          # which argument is the callable (default 0)
//   join: [ThreadPool::wait]     # calls that wait for everything spawned
//                                # through the same object
//   lock: [Spinlock::acquire]    # member: locks the object; free: its 1st arg
//   unlock: [Spinlock::release]
//   guards: [SpinGuard]          # RAII classes locking their 1st ctor arg
//
// Names match a qualified name's tail on a "::" boundary, so
// "ThreadPool::submit" matches app::ThreadPool::submit.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_ANALYSISCONFIG_H
#define RACELAB_ANALYSIS_ANALYSISCONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {
namespace analysis {

struct SpawnFunction {
  std::string Name;
  unsigned CallableArg = 0;
};

struct AnalysisConfig {
  std::vector<SpawnFunction> SpawnFunctions;
  std::vector<std::string> JoinFunctions;
  std::vector<std::string> LockFunctions;
  std::vector<std::string> UnlockFunctions;
  std::vector<std::string> GuardClasses;

  /// Parses the YAML form above. Errors name Source and the line.
  static llvm::Expected<AnalysisConfig> fromYaml(llvm::StringRef Text,
                                                 llvm::StringRef Source);

  /// Parses "Name" or "Name:ArgIndex" (the command-line form of a spawn
  /// function).
  static llvm::Expected<SpawnFunction> parseSpawnSpec(llvm::StringRef Spec);

  /// Appends everything Other configures.
  void append(const AnalysisConfig &Other);
};

/// True if Qualified ("app::ThreadPool::submit") ends with Pattern on a
/// "::" boundary ("ThreadPool::submit", "submit", but not "Pool::submit").
bool qualifiedNameMatches(llvm::StringRef Qualified, llvm::StringRef Pattern);

} // namespace analysis
} // namespace racelab

#endif
