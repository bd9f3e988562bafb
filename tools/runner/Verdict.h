//===- Verdict.h - The outcome of verifying part of a lesson ----*- C++ -*-===//
//
// A lesson is verified in three parts: its buggy variant under TSan, its
// fixed variant under TSan, and both sources under the static checker.
// This is what one part found, how it is printed, and its JSON form: CTest
// runs each part as its own test, and `racelab check-races` reads the JSON
// files back to print one line per lesson.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_VERDICT_H
#define RACELAB_RUNNER_VERDICT_H

#include "Lesson.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace racelab {

enum class LessonPart {
  Buggy,  ///< The buggy variant shows its annotated bug under TSan.
  Fixed,  ///< The fixed variant is clean under TSan, with the right output.
  Static, ///< racecheck matches the buggy annotations and passes the fix.
};

llvm::StringRef partName(LessonPart P);
std::optional<LessonPart> partFromName(llvm::StringRef Name);
llvm::ArrayRef<LessonPart> allParts();

struct PartVerdict {
  std::string LessonId;
  LessonPart Part = LessonPart::Buggy;
  /// What had to be seen: a report kind id ("data-race"), "clean",
  /// "deadlock found" for a buggy variant that may hang, or "annotations"
  /// for the static part.
  std::string Expectation;
  bool Passed = false;
  unsigned Runs = 0;     ///< Runs made (1 for the static part).
  unsigned GoodRuns = 0; ///< Runs that showed exactly the expectation.
  double BuildSeconds = 0;
  double RunSeconds = 0; ///< Wall time of all runs together.
  /// Distinct reasons runs went wrong, each prefixed with the runs it
  /// happened in ("runs 3, 7: no data-race report at buggy.cpp:12").
  std::vector<std::string> Problems;
  std::string BuildError; ///< Compiler output when the build failed.
  /// For a variant that may hang: how its good runs showed the bug ("hung",
  /// or the report kind), with how many runs did so; "hung" first.
  std::vector<std::pair<std::string, unsigned>> DetectedBy;
  /// The full analysis of each distinct hang that was a problem, headed by
  /// the first run it happened in, for people to read.
  std::vector<std::string> HangDetails;
};

/// "buggy: data-race 20/20", "fixed: clean 18/20", "static: ok",
/// "buggy: deadlock found 20/20 (hung 12, lock-order-inversion 8)".
std::string formatPartShort(const PartVerdict &V);

/// The verdicts of one lesson, any of which may be missing (its test did
/// not run, or crashed before writing it).
struct LessonVerdicts {
  const PartVerdict *Buggy = nullptr;
  const PartVerdict *Fixed = nullptr;
  const PartVerdict *Static = nullptr;

  const PartVerdict *get(LessonPart P) const;
  bool passed() const;
};

/// "PASS  topic/lesson  buggy: ...  fixed: ...  static: ..." followed by
/// indented problem lines.
std::string formatLessonLine(const std::string &LessonId, const LessonVerdicts &V,
                             size_t IdWidth);

llvm::json::Value toJSON(const PartVerdict &V);
llvm::Expected<PartVerdict> verdictFromJSON(const llvm::json::Value &V);

/// Writes the JSON to Path atomically (temporary file, then rename), so a
/// reader never sees half a result.
llvm::Error writeVerdictFile(const PartVerdict &V, const std::string &Path);
llvm::Expected<PartVerdict> readVerdictFile(const std::string &Path);

} // namespace racelab

#endif
