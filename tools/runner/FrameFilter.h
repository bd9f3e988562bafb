//===- FrameFilter.h - Tell user frames from library frames -----*- C++ -*-===//
//
// TSan stacks are mostly libstdc++, libc and runtime frames. Readers (and the
// report matcher) want the frames in the user's own code: this decides which
// those are, and which belong to one given source file.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_FRAMEFILTER_H
#define RACELAB_RUNNER_FRAMEFILTER_H

#include "TsanReport.h"

#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace racelab {

class FrameFilter {
public:
  /// LibraryDirs are path prefixes whose files are never user code (system
  /// headers, and the lesson support headers).
  explicit FrameFilter(std::vector<std::string> LibraryDirs = defaultLibraryDirs());

  static std::vector<std::string> defaultLibraryDirs();

  /// A frame in the user's code: it has an absolute source file outside the
  /// library directories. (glibc's frames carry relative paths such as
  /// "nptl/pthread_create.c"; runtime frames have none.)
  bool isUserFrame(const TsanFrame &F) const;

  /// The first user frame of S, or null.
  const TsanFrame *topUserFrame(const TsanStack &S) const;

  /// The first frame of S in File (compared by real path), or null.
  const TsanFrame *topFrameIn(const TsanStack &S, const std::string &File) const;

  /// Real path of a file, cached; the path itself when it does not exist.
  const std::string &realPath(const std::string &Path) const;

private:
  std::vector<std::string> LibraryDirs;
  mutable llvm::StringMap<std::string> RealPaths;
};

} // namespace racelab

#endif
