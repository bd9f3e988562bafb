//===- VerifyCommand.cpp - racelab verify LESSON_DIR... -------------------===//
//
// Verifies lessons: one line per lesson, then "N passed, M failed". With
// --results-dir each part's verdict is also written as JSON, which is how
// the CTest tests report to `racelab check-races`. Exit 0 when all passed,
// 1 when a lesson failed, 2 when a lesson could not even be loaded.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "LessonVerifier.h"
#include "PathUtil.h"
#include "ScratchDir.h"
#include "StaticVerifier.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace racelab {
namespace {

/// The analysis of each distinct hang that failed a run, indented under the
/// verdict: where every thread blocks, with its stack.
void printHangDetails(llvm::raw_ostream &OS, const PartVerdict &V) {
  for (const std::string &Detail : V.HangDetails) {
    llvm::SmallVector<llvm::StringRef, 32> Lines;
    llvm::StringRef(Detail).rtrim().split(Lines, '\n');
    OS << "      " << partName(V.Part) << " ";
    for (size_t I = 0; I < Lines.size(); ++I)
      OS << (I == 0 ? "" : "      ") << Lines[I] << "\n";
  }
}

} // namespace

int runVerifyCommand(CommandContext &Ctx, const VerifyArgs &Args) {
  llvm::raw_ostream &OS = llvm::outs();
  std::optional<ScratchDir> TempWork;
  std::string WorkRoot = Args.WorkDir;
  if (WorkRoot.empty()) {
    auto Dir = ScratchDir::create("racelab-verify");
    if (!Dir) {
      llvm::WithColor::error(llvm::errs(), "racelab")
          << llvm::toString(Dir.takeError()) << "\n";
      return ExitError;
    }
    TempWork.emplace(std::move(*Dir));
    WorkRoot = TempWork->path();
  }

  std::vector<std::string> LessonDirs = expandLessonPaths(Args.LessonDirs);
  unsigned Passed = 0, Failed = 0;
  bool LoadErrors = false;
  // Lesson ids are "<topic>/<lesson>", the last two parts of each folder.
  size_t Width = 0;
  for (const std::string &Dir : LessonDirs) {
    llvm::StringRef D = llvm::StringRef(Dir).rtrim("/");
    llvm::StringRef Parent = llvm::sys::path::parent_path(D);
    Width = std::max(Width, llvm::sys::path::filename(Parent).size() + 1 +
                                llvm::sys::path::filename(D).size());
  }
  llvm::json::Array JsonLessons;

  LessonVerifier Verifier(Ctx.Builder, Ctx.Runner, Ctx.Filter);
  for (const std::string &Dir : LessonDirs) {
    LessonLoadResult Loaded = loadLesson(Dir);
    if (!Loaded.Loaded) {
      LoadErrors = true;
      ++Failed;
      OS << "FAIL  " << Dir << "  the lesson cannot be loaded\n";
      llvm::errs() << formatDiagnostics(Loaded.Errors);
      // Leave a verdict anyway, so `check-races` shows the errors instead of
      // "no result". The id comes from the folder, as the CMake index has it.
      if (!Args.ResultsDir.empty()) {
        llvm::StringRef D = llvm::StringRef(Dir).rtrim("/");
        std::string Id = (llvm::sys::path::filename(llvm::sys::path::parent_path(D)) +
                          "/" + llvm::sys::path::filename(D))
                             .str();
        for (LessonPart P : Args.Parts) {
          PartVerdict Verdict;
          Verdict.LessonId = Id;
          Verdict.Part = P;
          Verdict.Expectation = "lesson";
          for (const LessonDiagnostic &E : Loaded.Errors)
            Verdict.Problems.push_back(E.str());
          std::string Path = joinPath(
              {Args.ResultsDir, Id, partName(P).str() + ".json"});
          (void)llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
          if (llvm::Error E = writeVerdictFile(Verdict, Path))
            llvm::consumeError(std::move(E)); // The load error is the news.
        }
      }
      JsonLessons.push_back(llvm::json::Object{
          {"lesson", Dir}, {"passed", false}, {"error", formatDiagnostics(Loaded.Errors)}});
      continue;
    }
    const Lesson &L = *Loaded.Loaded;
    VerifyOptions Options;
    Options.Runs = Args.Runs;
    Options.WorkDir = joinPath({WorkRoot, L.Id});

    std::optional<PartVerdict> Verdicts[3];
    for (LessonPart P : Args.Parts) {
      PartVerdict Verdict =
          P == LessonPart::Static
              ? verifyStatic(L, Ctx.Tools)
              : Verifier.verify(L, P == LessonPart::Buggy ? Variant::Buggy : Variant::Fixed,
                                Options);
      if (!Args.ResultsDir.empty()) {
        std::string Path =
            joinPath({Args.ResultsDir, L.Id, partName(P).str() + ".json"});
        (void)llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
        if (llvm::Error E = writeVerdictFile(Verdict, Path)) {
          llvm::WithColor::error(llvm::errs(), "racelab")
              << "cannot write " << Path << ": " << llvm::toString(std::move(E))
              << "\n";
          return ExitError;
        }
      }
      Verdicts[static_cast<int>(P)] = std::move(Verdict);
    }

    bool LessonPassed = true;
    for (const auto &V : Verdicts)
      if (V && !V->Passed)
        LessonPassed = false;
    (LessonPassed ? Passed : Failed) += 1;

    if (Args.Format == OutputFormat::Json) {
      llvm::json::Array Parts;
      for (const auto &V : Verdicts)
        if (V)
          Parts.push_back(toJSON(*V));
      JsonLessons.push_back(llvm::json::Object{{"lesson", L.Id},
                                               {"passed", LessonPassed},
                                               {"parts", std::move(Parts)}});
      continue;
    }
    if (Args.Parts.size() == allParts().size()) {
      LessonVerdicts All{&*Verdicts[0], &*Verdicts[1], &*Verdicts[2]};
      OS << formatLessonLine(L.Id, All, Width) << "\n";
      for (const auto &V : Verdicts)
        printHangDetails(OS, *V);
    } else {
      // Some parts (how CTest runs us, one part per test): a line each.
      for (const auto &V : Verdicts) {
        if (!V)
          continue;
        OS << (V->Passed ? "PASS  " : "FAIL  ") << L.Id << "  " << formatPartShort(*V)
           << "\n";
        if (!V->BuildError.empty())
          OS << V->BuildError;
        for (const std::string &P : V->Problems)
          OS << "      " << P << "\n";
        printHangDetails(OS, *V);
      }
    }
    OS.flush();
  }

  if (Args.Format == OutputFormat::Json)
    OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                     {"version", 1},
                                     {"passed", Passed},
                                     {"failed", Failed},
                                     {"lessons", std::move(JsonLessons)}}))
       << "\n";
  else
    OS << Passed << " passed, " << Failed << " failed\n";
  if (LoadErrors)
    return ExitError;
  return Failed ? ExitFindings : ExitClean;
}

} // namespace racelab
