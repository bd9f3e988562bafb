//===- ScratchDir.cpp - A private temporary directory ---------------------===//
#include "ScratchDir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace racelab {

llvm::Expected<ScratchDir> ScratchDir::create(const std::string &Prefix) {
  llvm::SmallString<256> Dir;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory(Prefix, Dir))
    return llvm::createStringError(EC, "cannot create a temporary directory: %s",
                                   EC.message().c_str());
  // createUniqueDirectory already uses 0700; be explicit, privacy of this
  // directory is what keeps TSan logs trustworthy.
  (void)llvm::sys::fs::setPermissions(Dir, llvm::sys::fs::owner_all);
  return ScratchDir(Dir.str().str());
}

ScratchDir::~ScratchDir() {
  if (!Path.empty())
    (void)llvm::sys::fs::remove_directories(Path, /*IgnoreErrors=*/true);
}

std::string ScratchDir::file(const std::string &Name) const {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::append(P, Name);
  return P.str().str();
}

} // namespace racelab
