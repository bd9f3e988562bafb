//===- Verdict.h - The outcome of verifying a lesson variant ----*- C++ -*-===//
//
// What `racelab verify` found for one variant of one lesson, how it is
// printed as one line, and its JSON form: CTest runs each variant as its own
// test, and `racelab check-races` reads the JSON files back to print one line
// per lesson.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_VERDICT_H
#define RACELAB_RUNNER_VERDICT_H

#include "Lesson.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace racelab {

struct VariantVerdict {
  std::string LessonId;
  Variant Which = Variant::Buggy;
  /// What had to be seen: a report kind id ("data-race"), or "clean".
  std::string Expectation;
  bool Passed = false;
  unsigned Runs = 0;     ///< Runs made.
  unsigned GoodRuns = 0; ///< Runs that showed exactly the expectation.
  double BuildSeconds = 0;
  double RunSeconds = 0; ///< Wall time of all runs together.
  /// Distinct reasons runs went wrong, each prefixed with the runs it
  /// happened in ("runs 3, 7: no data-race report at buggy.cpp:12").
  std::vector<std::string> Problems;
  std::string BuildError; ///< Compiler output when the build failed.
};

/// "buggy: data-race 20/20" or "fixed: clean 18/20".
std::string formatVariantShort(const VariantVerdict &V);

/// The full line for one lesson: "PASS  topic/lesson  buggy: ...  fixed: ..."
/// followed by indented problem lines. Either verdict may be missing (null):
/// its test did not run or crashed.
std::string formatLessonLine(const std::string &LessonId,
                             const VariantVerdict *Buggy,
                             const VariantVerdict *Fixed, size_t IdWidth);

llvm::json::Value toJSON(const VariantVerdict &V);
llvm::Expected<VariantVerdict> verdictFromJSON(const llvm::json::Value &V);

/// Writes the JSON to Path atomically (temporary file, then rename), so a
/// reader never sees half a result.
llvm::Error writeVerdictFile(const VariantVerdict &V, const std::string &Path);
llvm::Expected<VariantVerdict> readVerdictFile(const std::string &Path);

} // namespace racelab

#endif
