//===- TamperScan.h - Find attempts to switch TSan off ----------*- C++ -*-===//
//
// The "no tampering" criterion of `racelab grade`: a submission must not
// switch ThreadSanitizer off, hide accesses or synchronisation from it, set
// its options, replace its runtime or re-execute itself outside it. Two
// independent scans look for that: one over the preprocessed source (what
// the student wrote, after macros are expanded) and one over the object file
// (what the compiler made of it). Each returns findings worded for the
// student; the grader fails the criterion when either is non-empty.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_TAMPERSCAN_H
#define RACELAB_GRADER_TAMPERSCAN_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {

struct TamperFinding {
  /// A sentence for the student: "defines __tsan_default_options, which sets
  /// ThreadSanitizer's options from inside the program".
  std::string What;
  /// "bank.cpp:12" for source findings; "bank.o: symbol __tsan_acquire",
  /// "bank.o: function deposit(int)" or "bank.o" for binary ones.
  std::string Where;

  bool operator==(const TamperFinding &O) const {
    return What == O.What && Where == O.Where;
  }
};

/// Scans the output of `clang++ -E` (with line markers) for tampering. Only
/// lines the markers attribute to the submission (SubmissionName, compared
/// as a path or as a file name) count; system headers are full of
/// attributes and asm labels that are none of the student's doing. Findings
/// are one per rule, name and line, ordered by line.
std::vector<TamperFinding>
scanPreprocessedSource(llvm::StringRef Preprocessed,
                       llvm::StringRef SubmissionName);

/// Scans the submission's object file (compiled with -c, not linked) for
/// tampering: sanitizer-runtime symbols it defines or calls, C-linkage
/// functions it defines, process and environment functions it calls, and
/// code ThreadSanitizer did not instrument. Fails only when the file cannot
/// be read as an object file. Findings are ordered by rule, then by symbol.
llvm::Expected<std::vector<TamperFinding>>
scanObjectFile(llvm::StringRef ObjectPath);

} // namespace racelab

#endif
