//===- GradeCommand.h - `racelab grade` -------------------------*- C++ -*-===//
//
// Loads a lab, grades one submission and writes the result in the format
// asked for. Exit 0 whenever grading completed, whatever the score; 2 only
// when the grader itself could not run (a broken lab, no sandbox tools, an
// unwritable output file), so platforms can tell "the student scored 0"
// from "the autograder is broken".
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_GRADECOMMAND_H
#define RACELAB_GRADER_GRADECOMMAND_H

#include "GradeReport.h"
#include "Sandbox.h"

#include <string>

namespace racelab {

struct GradeArgs {
  std::string LabDir;
  std::string Submission;
  GradeFormat Format = GradeFormat::Text;
  std::string Output; ///< Empty or "-": stdout.
  SandboxMode Mode = SandboxMode::Auto;
  unsigned Runs = 0; ///< 0: the lab's.
  std::string Argv0;
  std::string Cxx; ///< Compiler override, as for every racelab command.
};

int runGradeCommand(const GradeArgs &Args);

} // namespace racelab

#endif
