//===- TsanBuilder.h - Build one source file under TSan ---------*- C++ -*-===//
//
// Compiles and links a lesson or submission source with the flags from
// sanitizers/tsan.flags, through ccache when available (the compile step
// only: ccache does not cache links), under the same supervision as a run so
// a compiler that hangs or floods its output cannot stall racelab.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_TSANBUILDER_H
#define RACELAB_RUNNER_TSANBUILDER_H

#include "Supervisor.h"
#include "Toolchain.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {

struct BuildSpec {
  std::string Source;
  std::vector<std::string> ExtraFlags;
  std::string OutputDir;  ///< Created if missing.
  std::string OutputName; ///< Binary name inside OutputDir.
  /// Starts the compiler and linker another way (a grader's sandbox).
  Launcher Launch;
  /// Overrides the compile and the link time limit (0: the default).
  double TimeoutSeconds = 0;
};

struct BuildResult {
  bool Ok = false;
  std::string Binary;
  /// Compiler and linker messages (warnings too), or why the build could
  /// not be attempted.
  std::string Diagnostics;
  double Seconds = 0;
};

class TsanBuilder {
public:
  TsanBuilder(Toolchain Tools, SanitizerConfig Config)
      : Tools(std::move(Tools)), Config(std::move(Config)) {}

  BuildResult build(const BuildSpec &Spec) const;

  /// A builder with the compile flags of another file in sanitizers/
  /// (valgrind.flags, perf.flags) instead of tsan.flags: the same program
  /// built for Valgrind or for timing.
  static llvm::Expected<TsanBuilder> withFlagsFile(const Toolchain &Tools,
                                                   SanitizerConfig Config,
                                                   llvm::StringRef FlagsFile);

  /// The compile command for Source (without the ccache prefix), for
  /// reports and tests.
  std::vector<std::string> compileCommand(const std::string &Source,
                                          const std::vector<std::string> &Extra,
                                          const std::string &Object) const;

private:
  Toolchain Tools;
  SanitizerConfig Config;
};

/// True for C sources (.c), which are built with the C driver and gnu17
/// (strict C17 hides POSIX types such as pthread_rwlock_t).
bool isCSource(const std::string &Path);

} // namespace racelab

#endif
