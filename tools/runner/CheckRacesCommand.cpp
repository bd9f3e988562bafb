//===- CheckRacesCommand.cpp - racelab check-races ------------------------===//
//
// The main job behind `make check-races`: runs every part of every lesson through
// CTest (so they run in parallel and CTest can write JUnit), then reads the
// verdict each test left behind and prints one line per lesson, where the
// time went, and "N passed, M failed".
//
// The list of lessons comes from <build>/lessons/index.txt, written by
// racelab_add_lesson() at configure time, so a lesson whose test crashed
// before writing a verdict is reported as failed instead of being missed.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "PathUtil.h"
#include "Verdict.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>

namespace racelab {
namespace {


} // namespace

int runCheckRacesCommand(const CheckRacesArgs &Args) {
  llvm::raw_ostream &OS = llvm::outs();
  auto Error = [](const llvm::Twine &Message) {
    llvm::WithColor::error(llvm::errs(), "racelab") << Message << "\n";
    return ExitError;
  };

  std::string IndexPath = joinPath({Args.BuildDir, "lessons", "index.txt"});
  auto Index = llvm::MemoryBuffer::getFile(IndexPath);
  if (!Index)
    return Error("cannot read " + IndexPath + " (" + Index.getError().message() +
                 "); configure the build first (make, or cmake --preset default)");
  std::vector<std::string> Lessons;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  (*Index)->getBuffer().split(Lines, '\n', -1, false);
  for (llvm::StringRef Line : Lines)
    if (!Line.trim().empty())
      Lessons.push_back(Line.split('\t').first.trim().str());
  if (Lessons.empty())
    return Error("no lessons registered in " + IndexPath);

  // Verdicts from an earlier run must not stand in for this one.
  std::string ResultsDir = joinPath({Args.BuildDir, "lessons", "results"});
  (void)llvm::sys::fs::remove_directories(ResultsDir, /*IgnoreErrors=*/true);

  auto Ctest = llvm::sys::findProgramByName(RACELAB_CTEST_COMMAND);
  if (!Ctest)
    return Error(llvm::Twine("cannot find ctest (") + RACELAB_CTEST_COMMAND + ")");
  std::vector<std::string> Argv{*Ctest, "--test-dir", Args.BuildDir, "-L",
                                "^lesson$", "-j", std::to_string(Args.Jobs),
                                "--no-tests=error", "--output-on-failure"};
  if (!Args.JUnitFile.empty()) {
    llvm::SmallString<256> Abs(Args.JUnitFile);
    llvm::sys::fs::make_absolute(Abs);
    Argv.insert(Argv.end(), {"--output-junit", Abs.str().str()});
  }
  std::vector<llvm::StringRef> ArgvRefs(Argv.begin(), Argv.end());
  OS << "racelab: verifying " << Lessons.size() << " lessons ("
     << allParts().size() * Lessons.size() << " tests) with " << Args.Jobs
     << " jobs\n";
  OS.flush();
  auto Start = std::chrono::steady_clock::now();
  std::string ErrMsg;
  // CTest prints its own progress line per test as they finish.
  int CtestStatus = llvm::sys::ExecuteAndWait(*Ctest, ArgvRefs, std::nullopt, {},
                                              0, 0, &ErrMsg);
  double Wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  if (CtestStatus < 0)
    return Error("cannot run ctest: " + ErrMsg);

  OS << "\n";
  unsigned Passed = 0, Failed = 0;
  double BuildSeconds = 0, RunSeconds = 0;
  size_t Width = 0;
  for (const std::string &Id : Lessons)
    Width = std::max(Width, Id.size());
  for (const std::string &Id : Lessons) {
    std::optional<PartVerdict> V[3];
    std::vector<std::string> ReadErrors;
    for (LessonPart Part : allParts()) {
      std::string Path = joinPath({ResultsDir, Id, partName(Part).str() + ".json"});
      if (!llvm::sys::fs::exists(Path))
        continue;
      auto Read = readVerdictFile(Path);
      if (!Read) {
        ReadErrors.push_back(llvm::toString(Read.takeError()));
        continue;
      }
      BuildSeconds += Read->BuildSeconds;
      RunSeconds += Read->RunSeconds;
      V[static_cast<int>(Part)] = std::move(*Read);
    }
    LessonVerdicts All{V[0] ? &*V[0] : nullptr, V[1] ? &*V[1] : nullptr,
                       V[2] ? &*V[2] : nullptr};
    (All.passed() ? Passed : Failed) += 1;
    OS << formatLessonLine(Id, All, Width) << "\n";
    for (const std::string &E : ReadErrors)
      OS << "      " << E << "\n";
  }
  OS << llvm::formatv("time: {0:f1} s wall; summed over tests {1:f1} s building "
                      "lessons, {2:f1} s running them (TSan runs and racecheck)\n",
                      Wall, BuildSeconds, RunSeconds);
  if (!Args.JUnitFile.empty())
    OS << "JUnit report: " << Args.JUnitFile << "\n";
  OS << Passed << " passed, " << Failed << " failed\n";
  return (Failed || CtestStatus != 0) ? ExitFindings : ExitClean;
}

} // namespace racelab
