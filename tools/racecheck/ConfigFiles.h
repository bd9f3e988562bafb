//===- ConfigFiles.h - Find .racecheck.yaml next to the sources -*- C++ -*-===//
//
// Like .clang-tidy: the configuration for a source file is the nearest
// .racecheck.yaml in its directory or a parent, combined with what the
// command line adds.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RACECHECK_CONFIGFILES_H
#define RACELAB_RACECHECK_CONFIGFILES_H

#include "AnalysisConfig.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <string>

namespace racelab {
namespace racecheck {

inline constexpr const char *ConfigFileName = ".racecheck.yaml";

class ConfigFiles {
public:
  /// CommandLine is added to every file's configuration. Without Search
  /// (an explicit --config was given) no files are looked for.
  ConfigFiles(analysis::AnalysisConfig CommandLine, bool Search)
      : CommandLine(std::move(CommandLine)), Search(Search) {}

  /// The configuration for Source, or an error naming a broken file.
  llvm::Expected<analysis::AnalysisConfig> configFor(llvm::StringRef Source);

  /// The nearest config file for Source, or empty.
  static std::string findConfigFile(llvm::StringRef Source);

private:
  analysis::AnalysisConfig CommandLine;
  bool Search;
  llvm::StringMap<analysis::AnalysisConfig> ByFile;
};

} // namespace racecheck
} // namespace racelab

#endif
