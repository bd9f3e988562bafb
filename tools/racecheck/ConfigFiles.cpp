//===- ConfigFiles.cpp - Find .racecheck.yaml next to the sources ---------===//
#include "ConfigFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace racelab {
namespace racecheck {

std::string ConfigFiles::findConfigFile(llvm::StringRef Source) {
  llvm::SmallString<256> Dir(Source);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_filename(Dir);
  while (!Dir.empty()) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ConfigFileName);
    if (llvm::sys::fs::is_regular_file(Candidate))
      return Candidate.str().str();
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return {};
}

llvm::Expected<analysis::AnalysisConfig> ConfigFiles::configFor(llvm::StringRef Source) {
  std::string File = Search ? findConfigFile(Source) : std::string();
  if (File.empty())
    return CommandLine;
  auto It = ByFile.find(File);
  if (It == ByFile.end()) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                     File.c_str(),
                                     Buffer.getError().message().c_str());
    auto Parsed = analysis::AnalysisConfig::fromYaml((*Buffer)->getBuffer(), File);
    if (!Parsed)
      return Parsed.takeError();
    It = ByFile.try_emplace(File, std::move(*Parsed)).first;
  }
  analysis::AnalysisConfig Combined = It->second;
  Combined.append(CommandLine);
  return Combined;
}

} // namespace racecheck
} // namespace racelab
