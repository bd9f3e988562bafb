//===- ReportPrinter.h - Show TSan reports to people and tools --*- C++ -*-===//
//
// Renders a parsed TSan report readably (the two accesses with read/write,
// thread and user frames, the mutexes held, where threads were created, with
// library frames folded away) and as JSON for tools.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_REPORTPRINTER_H
#define RACELAB_RUNNER_REPORTPRINTER_H

#include "FrameFilter.h"
#include "TsanReport.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace racelab {

struct PrintOptions {
  /// User frames shown per stack (the top one, then its callers).
  unsigned FramesPerStack = 3;
  /// Paths under this directory are shown relative to it.
  std::string BaseDir;
};

class ReportPrinter {
public:
  ReportPrinter(const FrameFilter &Filter, PrintOptions Options = {})
      : Filter(Filter), Options(std::move(Options)) {}

  /// Several lines, starting with the kind, indented by two spaces.
  void printText(llvm::raw_ostream &OS, const TsanReport &R) const;

  llvm::json::Value toJSON(const TsanReport &R) const;

  /// "file:line:col in function" for a frame.
  std::string place(const TsanFrame &F) const;
  std::string displayPath(const std::string &Path) const;

  /// The user frames of S ("at ...", "called from ..."), library frames
  /// folded away; also used for the stacks of a hung program.
  void printStack(llvm::raw_ostream &OS, const TsanStack &S,
                  llvm::StringRef Indent) const;
  /// The user frames of S as JSON objects.
  llvm::json::Value stackToJSON(const TsanStack &S) const;

private:
  const FrameFilter &Filter;
  PrintOptions Options;
};

} // namespace racelab

#endif
