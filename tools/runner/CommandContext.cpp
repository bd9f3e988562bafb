//===- CommandContext.cpp - What every racelab command works with ---------===//
#include "CommandContext.h"

namespace racelab {

CommandContext::CommandContext(Toolchain T, SanitizerConfig C)
    : Tools(std::move(T)), Config(std::move(C)),
      Filter([&] {
        // The lesson support headers are library code to a reader.
        std::vector<std::string> Dirs = FrameFilter::defaultLibraryDirs();
        Dirs.push_back(Tools.supportIncludeDir());
        return FrameFilter(std::move(Dirs));
      }()),
      Builder(Tools, Config), Runner(Tools, Config) {}

llvm::Expected<std::unique_ptr<CommandContext>>
CommandContext::create(const char *Argv0, const std::string &CxxOverride,
                       bool UseCcache) {
  auto Tools = Toolchain::discover(Argv0, CxxOverride, UseCcache);
  if (!Tools)
    return Tools.takeError();
  auto Config = SanitizerConfig::load(Tools->sanitizersDir());
  if (!Config)
    return Config.takeError();
  return std::make_unique<CommandContext>(std::move(*Tools), std::move(*Config));
}

} // namespace racelab
