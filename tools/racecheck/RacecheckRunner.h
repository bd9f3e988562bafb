//===- RacecheckRunner.h - Run the analysis over the sources ----*- C++ -*-===//
//
// The LibTooling part of racecheck: a frontend action that runs the
// analysis on each translation unit and reports every finding three ways at
// once -- as clang diagnostics (text mode, with carets), as a
// ReportedDiagnostic (for JSON and --verify), and as a SARIF result.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RACECHECK_RACECHECKRUNNER_H
#define RACELAB_RACECHECK_RACECHECKRUNNER_H

#include "ConfigFiles.h"
#include "ReportedDiagnostic.h"

#include "clang/Tooling/Tooling.h"
#include "llvm/Support/JSON.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace racelab {
namespace racecheck {

enum class OutputFormat { Text, Json, Sarif };

struct RunOptions {
  OutputFormat Format = OutputFormat::Text;
  bool DumpAnalysis = false;
};

class RacecheckRunner {
public:
  /// GivenPaths maps each source's absolute path to the path as the user
  /// wrote it (reports name files the way they were given).
  RacecheckRunner(ConfigFiles &Configs, RunOptions Options,
                  std::map<std::string, std::string> GivenPaths)
      : Configs(Configs), Options(Options), GivenPaths(std::move(GivenPaths)) {}

  std::unique_ptr<clang::tooling::FrontendActionFactory> factory();

  std::vector<ReportedDiagnostic> Diagnostics;
  /// One SARIF run per translation unit.
  llvm::json::Array SarifRuns;
  /// Broken configuration files, one message each.
  std::vector<std::string> ConfigErrors;

  ConfigFiles &Configs;
  RunOptions Options;
  std::map<std::string, std::string> GivenPaths;
};

} // namespace racecheck
} // namespace racelab

#endif
