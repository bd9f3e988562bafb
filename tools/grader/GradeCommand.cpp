//===- GradeCommand.cpp - `racelab grade` ---------------------------------===//
#include "GradeCommand.h"

#include "Grader.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {

int runGradeCommand(const GradeArgs &Args) {
  auto Fail = [](const llvm::Twine &Message) {
    llvm::WithColor::error(llvm::errs(), "racelab grade") << Message << "\n";
    return static_cast<int>(ExitError);
  };
  std::optional<Lab> Loaded = loadLabOrReport(Args.LabDir, "grade");
  if (!Loaded)
    return ExitError;
  auto Ctx = CommandContext::create(Args.Argv0.c_str(), Args.Cxx, /*UseCcache=*/false);
  if (!Ctx)
    return Fail(llvm::toString(Ctx.takeError()));

  GradeOptions Options;
  Options.Submission = Args.Submission;
  Options.Mode = Args.Mode;
  Options.Runs = Args.Runs;
  // The tracer is this very binary (`racelab trace-threads`).
  Options.SelfPath = llvm::sys::fs::getMainExecutable(
      Args.Argv0.c_str(), reinterpret_cast<void *>(&runGradeCommand));
  llvm::Expected<GradeResult> Result = gradeSubmission(**Ctx, *Loaded, Options);
  if (!Result)
    return Fail(llvm::toString(Result.takeError()));
  if (llvm::Error E = writeGradeReport(*Result, Args.Format, Args.Output))
    return Fail("cannot write the result to " + Args.Output + ": " +
                llvm::toString(std::move(E)));
  return ExitClean;
}

} // namespace racelab
