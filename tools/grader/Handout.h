//===- Handout.h - The package students start a lab from --------*- C++ -*-===//
//
// `racelab handout LAB -o DIR` writes what students get: the starter (the
// lesson's buggy program with every annotation comment stripped, so it does
// not point at the bug) under the lab's submission name, the lab's
// README.md, and a Makefile whose `check-races` target builds and runs the
// program the way the grader does. Nothing else of the lab leaves the
// instructor's hands: not the reference solution, not lab.yaml.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_HANDOUT_H
#define RACELAB_GRADER_HANDOUT_H

#include "Lab.h"
#include "Toolchain.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace racelab {

struct HandoutArgs {
  std::string LabDir, OutputDir;
  /// Write into an existing non-empty OutputDir (the handout's own files
  /// are replaced; other files are left alone).
  bool Force = false;
};

/// Exit 0 when the handout was written; 2 when it was not (bad lab, an
/// output directory in the way, a file that could not be written).
int runHandoutCommand(const HandoutArgs &Args);

/// Source with every comment that holds an expect-* annotation removed.
/// Everything else stays byte for byte; a line left blank by the removal
/// disappears, and whitespace left at the end of a line is trimmed. A
/// comment is removed whole, explanation and all: text next to a
/// directive usually says what the bug is.
std::string stripAnnotations(llvm::StringRef Source);

/// The Makefile of L's handout: `check-races` builds the submission with
/// Config's TSan flags plus the lab's, runs it L.Runs times with the lab's
/// arguments under Config's TSan options, and fails on a report, a wrong
/// output, a non-zero exit or (where `timeout` exists) a hang; `grade`
/// runs `racelab grade` when racelab is installed.
std::string handoutMakefile(const Lab &L, const SanitizerConfig &Config);

/// Writes L's handout into OutputDir (created if missing), each file
/// atomically. Fails without writing anything when OutputDir is a
/// non-empty directory and Force is false, or when the starter still holds
/// an annotation after stripping.
llvm::Error writeHandout(const Lab &L, const SanitizerConfig &Config,
                         llvm::StringRef OutputDir, bool Force);

} // namespace racelab

#endif
