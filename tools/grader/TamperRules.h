//===- TamperRules.h - What counts as tampering -----------------*- C++ -*-===//
//
// The rule tables both tamper scans look names and strings up in, and the
// findings they share. What counts as tampering lives here; the scanners
// (SourceTamperScan.cpp, ObjectTamperScan.cpp) only collect facts (tokens of
// the submission's lines; symbols, relocations and per-function call sets of
// the object) and look them up in the tables. Internal to the grader: the
// public interface is TamperScan.h.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_TAMPERRULES_H
#define RACELAB_GRADER_TAMPERRULES_H

#include "TamperScan.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace racelab {
namespace tamper {

enum class Match { Exact, Prefix };

/// A name (or name prefix) and why a submission must not use it; Why
/// completes "<verb> <name>, which ...".
struct NameRule {
  llvm::StringLiteral Name;
  Match How;
  llvm::StringLiteral Why;
};

/// The sanitizer runtime's own names: its interface, its callbacks and its
/// interceptors. First match wins.
extern const llvm::ArrayRef<NameRule> SanitizerRules;

/// What clang 19 itself calls when it instruments a file with
/// -fsanitize=thread: references to these are the compiler's, not the
/// student's.
extern const llvm::ArrayRef<NameRule> CompilerInstrumentation;

/// Instrumentation calls that record a plain (non-atomic) access.
extern const llvm::ArrayRef<NameRule> AccessHooks;

/// C library functions that escape ThreadSanitizer's view or its options.
extern const llvm::ArrayRef<NameRule> ProcessRules;

/// Source-only spellings (attributes, asm), matched after stripping the "__"
/// GCC lets attribute names and keywords carry.
extern const llvm::ArrayRef<NameRule> SourceRules;

/// Compiler-generated functions with C linkage in a C++ object.
extern const llvm::ArrayRef<llvm::StringLiteral> AllowedCLinkageFunctions;

/// Namespaces of the C++ standard library, whose inlined code may use
/// process functions on its own.
extern const llvm::ArrayRef<llvm::StringLiteral> LibraryContexts;

/// The first rule of Rules that Name matches, or null.
const NameRule *findRule(llvm::ArrayRef<NameRule> Rules, llvm::StringRef Name);

/// "<Verb> <Name>, which <Why>": a finding's sentence.
std::string sentence(llvm::StringRef Verb, llvm::StringRef Name,
                     llvm::StringRef Why);

/// Why a string (a literal of the source, a constant of the object) is
/// suspect, if it is. A runtime name spelled out (for dlsym) gets that name's
/// reason; the substrings catch the rest (option names, paths).
std::optional<std::string> checkString(llvm::StringRef Literal);

/// Findings with a sort key; Rank orders source findings by line and binary
/// findings by rule.
struct RankedFinding {
  unsigned Rank;
  TamperFinding F;
};

/// Found ordered by rank, place and text, without duplicates.
std::vector<TamperFinding> sortAndDedupe(std::vector<RankedFinding> &Found);

} // namespace tamper
} // namespace racelab

#endif // RACELAB_GRADER_TAMPERRULES_H
