//===- AnalysisTestHelper.h - Run the analysis on in-memory code -*- C++ -*-===//
//
// runAnalysisOnCode(source) parses a snippet with clang (C++20, the real
// libstdc++ headers) and returns the findings as plain values with line
// numbers: no files on disk, no printed text to parse (the pattern of
// clang-tidy's ClangTidyTest.h).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_TESTS_ANALYSISTESTHELPER_H
#define RACELAB_TESTS_ANALYSISTESTHELPER_H

#include "Analysis.h"

#include <ostream>
#include <string>
#include <vector>

namespace racelab {
namespace testing {

struct RaceAt {
  std::string Variable;
  unsigned WriteLine = 0;  ///< The warning's line (always a write).
  unsigned OtherLine = 0;  ///< The conflicting access.
  bool OtherIsWrite = false;
  bool WriteInMain = false;
  bool OtherInMain = false;
  unsigned WriteSpawnLine = 0; ///< 0 for the main thread.
  unsigned OtherSpawnLine = 0;
  std::vector<std::string> WriteLocks;
  std::vector<std::string> OtherLocks;

  bool operator==(const RaceAt &O) const {
    return Variable == O.Variable && WriteLine == O.WriteLine &&
           OtherLine == O.OtherLine;
  }
};

std::ostream &operator<<(std::ostream &OS, const RaceAt &R);

/// A finding of one of the other checks (lock order, double lock, ...):
/// the check, the warning's line, what it is about, and every line the
/// finding involves (the acquisitions of a lock cycle, the first lock of a
/// double lock, ...), sorted.
struct CheckAt {
  std::string Check;   ///< "racelab-double-lock"
  unsigned Line = 0;   ///< The warning's line.
  std::string Subject; ///< The mutex, condition variable, thread or local.
  std::vector<unsigned> Lines;

  bool operator==(const CheckAt &O) const {
    return Check == O.Check && Line == O.Line;
  }
};

std::ostream &operator<<(std::ostream &OS, const CheckAt &C);

struct AnalysisRun {
  bool Compiled = false;
  std::string Errors; ///< Compiler errors, if it did not compile.
  std::vector<RaceAt> Races;
  std::vector<CheckAt> Others; ///< Every other check, in report order.
};

/// Parses Code as FileName (C++20 unless it ends in .c) and analyses it.
AnalysisRun runAnalysisOnCode(const std::string &Code,
                              const analysis::AnalysisConfig &Config = {},
                              const std::string &FileName = "input.cpp");

/// The 1-based line of Code holding Marker (a comment such as "// L1"),
/// so that tests name lines instead of counting them; 0 if absent.
unsigned lineOf(const std::string &Code, const std::string &Marker);

/// Analyses Code (which must compile) and returns the findings of Check,
/// one of the checks other than racelab-data-race.
std::vector<CheckAt> findingsOf(const std::string &Code, const std::string &Check);

} // namespace testing
} // namespace racelab

#endif
