//===- ScratchDir.h - A private temporary directory -------------*- C++ -*-===//
//
// A directory only we can read (mode 0700) under $TMPDIR, removed with
// everything in it when the object goes away. Used for TSan's private logs
// and for binaries built by one-off commands.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_SCRATCHDIR_H
#define RACELAB_RUNNER_SCRATCHDIR_H

#include "llvm/Support/Error.h"

#include <string>

namespace racelab {

class ScratchDir {
public:
  static llvm::Expected<ScratchDir> create(const std::string &Prefix);

  ScratchDir(ScratchDir &&Other) noexcept : Path(std::move(Other.Path)) {
    Other.Path.clear();
  }
  ScratchDir(const ScratchDir &) = delete;
  ScratchDir &operator=(const ScratchDir &) = delete;
  ScratchDir &operator=(ScratchDir &&) = delete;
  ~ScratchDir();

  const std::string &path() const { return Path; }
  /// Path joined with Name.
  std::string file(const std::string &Name) const;

private:
  explicit ScratchDir(std::string Path) : Path(std::move(Path)) {}
  std::string Path;
};

} // namespace racelab

#endif
