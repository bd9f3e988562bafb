//===- ReportedDiagnostic.h - A finding with resolved positions -*- C++ -*-===//
//
// A finding as racecheck reports it once the translation unit is gone:
// files, lines and columns instead of SourceLocations, ready for the JSON
// writer and for --verify.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RACECHECK_REPORTEDDIAGNOSTIC_H
#define RACELAB_RACECHECK_REPORTEDDIAGNOSTIC_H

#include <string>
#include <vector>

namespace racelab {
namespace racecheck {

struct ReportedPosition {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

struct ReportedNote {
  ReportedPosition Where;
  std::string Message;
  bool Blames = false; ///< See analysis::DiagnosticNote::Blames.
};

struct ReportedDiagnostic {
  std::string Check;
  std::string Severity = "warning";
  ReportedPosition Where;
  std::string Message;
  std::vector<ReportedNote> Notes;
  /// The source file (as given on the command line) whose translation unit
  /// produced it.
  std::string Source;
};

} // namespace racecheck
} // namespace racelab

#endif
