//===- FrameFilter.cpp - Tell user frames from library frames -------------===//
#include "FrameFilter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace racelab {

FrameFilter::FrameFilter(std::vector<std::string> Dirs)
    : LibraryDirs(std::move(Dirs)) {
  // Compare against real paths so a symlinked checkout still matches.
  for (std::string &D : LibraryDirs) {
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(D, Real))
      D = Real.str().str();
    if (!llvm::StringRef(D).ends_with("/"))
      D += "/";
  }
}

std::vector<std::string> FrameFilter::defaultLibraryDirs() {
  return {"/usr/include", "/usr/lib", "/usr/lib64", "/lib", "/usr/share"};
}

bool FrameFilter::isUserFrame(const TsanFrame &F) const {
  if (F.File.empty() || !llvm::sys::path::is_absolute(F.File))
    return false;
  llvm::StringRef Function(F.Function);
  if (Function.starts_with("__tsan") || Function.starts_with("__interceptor"))
    return false;
  const std::string &Real = realPath(F.File);
  for (const std::string &Dir : LibraryDirs)
    if (llvm::StringRef(Real).starts_with(Dir) ||
        llvm::StringRef(F.File).starts_with(Dir))
      return false;
  return true;
}

const TsanFrame *FrameFilter::topUserFrame(const TsanStack &S) const {
  for (const TsanFrame &F : S.Frames)
    if (isUserFrame(F))
      return &F;
  return nullptr;
}

const TsanFrame *FrameFilter::topFrameIn(const TsanStack &S,
                                         const std::string &File) const {
  const std::string &Wanted = realPath(File);
  for (const TsanFrame &F : S.Frames)
    if (!F.File.empty() && realPath(F.File) == Wanted)
      return &F;
  return nullptr;
}

const std::string &FrameFilter::realPath(const std::string &Path) const {
  auto It = RealPaths.find(Path);
  if (It != RealPaths.end())
    return It->second;
  llvm::SmallString<256> Real;
  std::string Value =
      llvm::sys::fs::real_path(Path, Real) ? Path : Real.str().str();
  return RealPaths.try_emplace(Path, std::move(Value)).first->second;
}

} // namespace racelab
