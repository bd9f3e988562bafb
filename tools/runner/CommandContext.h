//===- CommandContext.h - What every racelab command works with -*- C++ -*-===//
//
// The toolchain, sanitizer configuration, builder, runner and frame filter,
// set up once from the command line and shared by the subcommands.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_COMMANDCONTEXT_H
#define RACELAB_RUNNER_COMMANDCONTEXT_H

#include "FrameFilter.h"
#include "Toolchain.h"
#include "TsanBuilder.h"
#include "TsanRun.h"

#include "llvm/Support/Error.h"

#include <memory>

namespace racelab {

struct CommandContext {
  Toolchain Tools;
  SanitizerConfig Config;
  FrameFilter Filter;
  TsanBuilder Builder;
  TsanRunner Runner;

  CommandContext(Toolchain Tools, SanitizerConfig Config);

  static llvm::Expected<std::unique_ptr<CommandContext>>
  create(const char *Argv0, const std::string &CxxOverride, bool UseCcache);
};

/// Exit codes shared by the subcommands (the contract in DESIGN.md).
enum ExitCode : int {
  ExitClean = 0,    ///< Nothing found / everything passed.
  ExitFindings = 1, ///< Findings, or a lesson that failed verification.
  ExitError = 2,    ///< Bad usage, bad input, or something that did not build.
};

} // namespace racelab

#endif
