//===- Commands.h - The racelab subcommands ---------------------*- C++ -*-===//
//
// Each subcommand takes its already-parsed arguments and returns the process
// exit code; main.cpp owns the command line.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_COMMANDS_H
#define RACELAB_RUNNER_COMMANDS_H

#include "CommandContext.h"
#include "Lesson.h"
#include "Verdict.h"

#include <optional>
#include <string>
#include <vector>

namespace racelab {

enum class OutputFormat { Text, Json };

struct CheckArgs {
  std::string File;
  unsigned Runs = 5;
  double TimeoutSeconds = 10;
  OutputFormat Format = OutputFormat::Text;
  std::vector<std::string> ExtraFlags; ///< After "--".
  std::vector<std::string> ProgramArgs;
};
int runCheckCommand(CommandContext &Ctx, const CheckArgs &Args);

struct VerifyArgs {
  std::vector<std::string> LessonDirs;
  std::vector<LessonPart> Parts{LessonPart::Buggy, LessonPart::Fixed,
                               LessonPart::Static};
  std::optional<unsigned> Runs;
  std::string WorkDir;    ///< Empty: a temporary directory.
  std::string ResultsDir; ///< Empty: no result files.
  OutputFormat Format = OutputFormat::Text;
};
int runVerifyCommand(CommandContext &Ctx, const VerifyArgs &Args);

struct CheckRacesArgs {
  std::string BuildDir;
  unsigned Jobs = 2;
  std::string JUnitFile; ///< Empty: none.
};
int runCheckRacesCommand(const CheckRacesArgs &Args);

struct BenchArgs {
  std::vector<std::string> LessonDirs;
  unsigned Runs = 10;
  std::string WorkDir;
};
int runBenchCommand(CommandContext &Ctx, const BenchArgs &Args);

struct MatrixArgs {
  std::string SamplesDir;
  std::string Output; ///< Empty: SamplesDir/README.md.
  bool Check = false; ///< Compare with Output instead of writing it.
  unsigned Jobs = 2;
};
int runMatrixCommand(CommandContext &Ctx, const MatrixArgs &Args);

struct SpeedupArgs {
  std::vector<std::string> LessonDirs;
  unsigned Runs = 5;
  std::string SvgDir; ///< Empty: no pictures.
};
int runSpeedupCommand(CommandContext &Ctx, const SpeedupArgs &Args);

} // namespace racelab

#endif
