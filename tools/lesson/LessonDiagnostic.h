//===- LessonDiagnostic.h - Errors found in lesson files --------*- C++ -*-===//
//
// An error in a lesson's files, with the place it was found, printed like a
// compiler diagnostic ("lesson.yaml:4:12: error: ...") so editors and
// terminals can jump to it.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_LESSON_LESSONDIAGNOSTIC_H
#define RACELAB_LESSON_LESSONDIAGNOSTIC_H

#include <string>
#include <vector>

namespace racelab {

struct LessonDiagnostic {
  std::string File;
  unsigned Line = 0;   ///< 0 when the error concerns the whole file.
  unsigned Column = 0; ///< 0 when unknown.
  std::string Message;

  /// "file:line:col: error: message".
  std::string str() const;
};

/// All diagnostics, one per line.
std::string formatDiagnostics(const std::vector<LessonDiagnostic> &Diags);

} // namespace racelab

#endif
