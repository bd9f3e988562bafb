//===- PathUtil.h - Joining path components ---------------------*- C++ -*-===//
//
// llvm::sys::path::append adds a separator even for an empty component
// ("a/b/"), which breaks file names; this joins only the non-empty parts.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_PATHUTIL_H
#define RACELAB_RUNNER_PATHUTIL_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <initializer_list>
#include <string>

namespace racelab {

inline std::string joinPath(std::initializer_list<llvm::StringRef> Parts) {
  llvm::SmallString<256> P;
  for (llvm::StringRef Part : Parts)
    if (!Part.empty())
      llvm::sys::path::append(P, Part);
  return P.str().str();
}

} // namespace racelab

#endif
