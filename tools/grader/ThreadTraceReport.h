//===- ThreadTraceReport.h - The JSON form of a thread trace ----*- C++ -*-===//
//
// Writing a ThreadTrace as the JSON report the tracer leaves behind; the
// public readThreadTrace (ThreadTrace.h) reads it back. Internal to the
// grader: only the tracer writes reports.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_THREADTRACEREPORT_H
#define RACELAB_GRADER_THREADTRACEREPORT_H

#include "ThreadTrace.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace racelab {

/// Writes T, traced for the program named ProgramName, to ReportPath as
/// JSON (version 1), in the form readThreadTrace reads.
llvm::Error writeThreadTrace(const ThreadTrace &T, llvm::StringRef ProgramName,
                             llvm::StringRef ReportPath);

} // namespace racelab

#endif // RACELAB_GRADER_THREADTRACEREPORT_H
