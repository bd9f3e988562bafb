//===- Lab.h - One graded lab -----------------------------------*- C++ -*-===//
//
// A lab is a lesson (lesson.yaml, buggy.cpp, fixed.cpp, README.md) plus
// lab.yaml: what students get (the starter, the lesson's buggy program with
// its annotations stripped), what they hand in, how a submission is built
// and run, its limits, and the rubric it is graded by. The reference
// solution (the lesson's fixed program) is never handed out.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_LAB_H
#define RACELAB_GRADER_LAB_H

#include "Lesson.h"
#include "LessonDiagnostic.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// What a rubric criterion checks (lab.yaml rubric[].check).
enum class Criterion {
  Builds,      ///< "builds": the submission compiles and links under TSan.
  Output,      ///< "output": prints the expected output in each run.
  TsanClean,   ///< "tsan_clean": no TSan report of any kind in any run.
  NoHang,      ///< "no_hang": no run hits the time limit.
  Concurrency, ///< "concurrency": the required threads did the work, together.
  NoTampering, ///< "no_tampering": nothing switches the sanitizer off.
  Racecheck,   ///< "racecheck": the static checker finds nothing.
};

llvm::StringRef criterionId(Criterion C);
std::optional<Criterion> criterionFromId(llvm::StringRef Id);

/// Who sees a criterion's result; the values Gradescope's results.json uses.
enum class Visibility { Visible, AfterDueDate, AfterPublished, Hidden };

llvm::StringRef visibilityId(Visibility V);
std::optional<Visibility> visibilityFromId(llvm::StringRef Id);

struct RubricItem {
  Criterion Check = Criterion::Builds;
  std::string Name; ///< Shown to students ("Builds under ThreadSanitizer").
  double Points = 0;
  Visibility Visible = Visibility::Visible;
};

/// Resource limits of one build or run of a submission (lab.yaml "limits").
struct LabLimits {
  double BuildSeconds = 120;
  double RunSeconds = 30;
  unsigned MemoryMb = 4096; ///< Resident memory of the whole process tree.
  unsigned Processes = 64;  ///< Processes and threads alive at once.
  unsigned OutputKb = 256;  ///< Of each of stdout and stderr, per run.
  unsigned FileMb = 64;     ///< Largest file a submission may write.
};

struct Lab {
  Lesson Base;          ///< The lesson the lab is built on.
  std::string Dir;      ///< The lab folder, as given.
  std::string Id;       ///< "<topic>/<name>", as the lesson's.
  std::string Title;
  /// The file students hand in and the starter is handed out as ("bank.cpp").
  std::string SubmissionFile;
  std::string StarterSource;   ///< The lesson's buggy source (a path).
  std::string ReferenceSource; ///< The lesson's fixed source (a path).
  std::vector<std::string> Flags; ///< Extra compiler flags for submissions.
  std::vector<std::string> Args;  ///< Program arguments of every graded run.
  unsigned Runs = 5;
  /// Stdout every run must print exactly.
  std::string ExpectedOutput;
  /// Worker threads (besides main) that must do the work concurrently.
  unsigned Threads = 0;
  LabLimits Limits;
  std::vector<RubricItem> Rubric;

  double maxScore() const;
  const RubricItem *item(Criterion C) const;
};

struct LabLoadResult {
  std::optional<Lab> Loaded;
  std::vector<LessonDiagnostic> Errors; ///< Non-empty iff !Loaded.
};

/// Loads the lesson in Dir and its lab.yaml, every key checked (unknown keys
/// rejected), each problem reported with its file and line.
LabLoadResult loadLab(llvm::StringRef Dir);

/// loadLab for a command: on failure prints every problem, prefixed with
/// "racelab COMMAND", to stderr and returns nullopt.
std::optional<Lab> loadLabOrReport(llvm::StringRef Dir, llvm::StringRef Command);

} // namespace racelab

#endif
