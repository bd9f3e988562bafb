//===- GradeReport.h - A grade in the formats platforms read ----*- C++ -*-===//
//
// One GradeResult, four renderings: Gradescope's results.json, racelab's own
// JSON, JUnit XML (CI systems, GitHub Classroom test reporters) and a text
// report for people. writeGradeReport writes through a temporary file and a
// rename, so a grader killed halfway never leaves half a results file.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_GRADEREPORT_H
#define RACELAB_GRADER_GRADEREPORT_H

#include "Grader.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace racelab {

enum class GradeFormat { Gradescope, Json, JUnit, Text };

std::optional<GradeFormat> gradeFormatFromName(llvm::StringRef Name);

/// Gradescope's results.json: score, max_score, output and tests[] (name,
/// score, max_score, status, visibility, output, output_format).
llvm::json::Value gradescopeJSON(const GradeResult &R);
/// racelab's own: {"version":1, "lab", "score", "max_score", "sandbox",
/// "timing", "criteria":[{"id", "name", "score", "max_score", "status",
/// "visibility", "feedback"}]}.
llvm::json::Value gradeJSON(const GradeResult &R);
void printGradeJUnit(llvm::raw_ostream &OS, const GradeResult &R);
void printGradeText(llvm::raw_ostream &OS, const GradeResult &R);

/// Writes R in Format to Path ("-": stdout), atomically for files.
llvm::Error writeGradeReport(const GradeResult &R, GradeFormat Format,
                             llvm::StringRef Path);

} // namespace racelab

#endif
