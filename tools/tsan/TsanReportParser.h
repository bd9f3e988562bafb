//===- TsanReportParser.h - Parse ThreadSanitizer logs ----------*- C++ -*-===//
//
// Turns the text of a TSan log (one log_path file, or several concatenated)
// into TsanLog records. Tolerant by design: a report cut short by a crash or
// a second header is kept and marked Truncated, lines that are not TSan's
// (a program writing to the same stream) are skipped, colours are stripped.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_TSAN_TSANREPORTPARSER_H
#define RACELAB_TSAN_TSANREPORTPARSER_H

#include "TsanReport.h"

#include "llvm/ADT/StringRef.h"

namespace racelab {

/// Parses a whole log. Never fails: malformed input yields fewer or
/// truncated records, never an error.
TsanLog parseTsanLog(llvm::StringRef Text);

/// Parses one frame line ("    #2 main /a.cpp:7:15 (a.out+0xe7807)"),
/// exposed for tests. Returns false when the line is not a frame.
bool parseTsanFrame(llvm::StringRef Line, TsanFrame &Frame);

} // namespace racelab

#endif
