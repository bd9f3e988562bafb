//===- Toolchain.h - Where racelab finds its compiler and data --*- C++ -*-===//
//
// The compiler, ccache, llvm-symbolizer, gdb, valgrind and the data files (sanitizers/,
// the lesson support headers) racelab builds and runs lessons with, resolved
// once: command-line overrides, then environment, then the locations found
// when racelab was configured, then the installed layout next to the binary.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_TOOLCHAIN_H
#define RACELAB_RUNNER_TOOLCHAIN_H

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {

struct Toolchain {
  std::string Cxx;        ///< clang++-19
  std::string Cc;         ///< clang-19, for C lessons
  std::string Ccache;     ///< Empty when not used.
  std::string Symbolizer; ///< llvm-symbolizer; empty lets TSan search PATH.
  std::string Racecheck;  ///< The static checker; empty when not built.
  std::string Gdb;        ///< For stacks of hung runs; empty when missing.
  /// Helgrind and DRD for the detector matrix; empty when missing.
  std::string Valgrind;
  std::string DataDir;    ///< Holds sanitizers/ and samples/include/.

  std::string sanitizersDir() const;
  std::string supportIncludeDir() const;

  /// Resolves everything; Argv0 locates an installed data dir. Fails when no
  /// compiler or no data dir can be found, naming what is missing.
  static llvm::Expected<Toolchain> discover(const char *Argv0,
                                            const std::string &CxxOverride,
                                            bool UseCcache);
};

/// The two files in sanitizers/ racelab reads.
struct SanitizerConfig {
  std::vector<std::string> CompileFlags; ///< sanitizers/tsan.flags
  std::vector<std::string> RuntimeOptions; ///< sanitizers/tsan.options

  static llvm::Expected<SanitizerConfig> load(const std::string &Dir);
};

/// The non-comment, non-blank lines of a one-entry-per-line file, trimmed.
llvm::Expected<std::vector<std::string>> readListFile(const std::string &Path);

} // namespace racelab

#endif
