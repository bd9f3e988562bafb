//===- MatrixCommand.cpp - racelab matrix SAMPLES_DIR ---------------------===//
//
// Writes the lesson index, SAMPLES_DIR/README.md: every lesson, chapter by
// chapter in the order SAMPLES_DIR/topics.txt gives, with what each
// detector reports on it (DetectorMatrix). --check regenerates it and fails
// when the file on disk differs, which is how CI keeps the index from being
// edited by hand or going stale.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "DetectorMatrix.h"
#include "PathUtil.h"
#include "ScratchDir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <set>

namespace racelab {

namespace {

int error(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "racelab matrix") << Message << "\n";
  return ExitError;
}

/// The chapters, in the order of topics.txt, titled by their README.
llvm::Expected<std::vector<MatrixChapter>> readChapters(const std::string &SamplesDir) {
  std::string TopicsFile = joinPath({SamplesDir, "topics.txt"});
  llvm::Expected<std::vector<std::string>> Topics = readListFile(TopicsFile);
  if (!Topics)
    return Topics.takeError();
  std::vector<MatrixChapter> Chapters;
  std::set<std::string> Seen;
  for (const std::string &Topic : *Topics) {
    if (!Seen.insert(Topic).second)
      return llvm::createStringError("%s: '%s' is listed twice", TopicsFile.c_str(),
                                     Topic.c_str());
    MatrixChapter C;
    C.Topic = Topic;
    C.Title = Topic;
    std::string Readme = joinPath({SamplesDir, Topic, "README.md"});
    if (auto Buffer = llvm::MemoryBuffer::getFile(Readme)) {
      C.HasReadme = true;
      llvm::StringRef First = (*Buffer)->getBuffer().split('\n').first;
      if (First.consume_front("# "))
        C.Title = First.trim().str();
    }
    Chapters.push_back(std::move(C));
  }
  return Chapters;
}

/// The first line where Old and New differ, for a stale index.
std::string firstDifference(llvm::StringRef Old, llvm::StringRef New) {
  llvm::SmallVector<llvm::StringRef, 128> A, B;
  Old.split(A, '\n');
  New.split(B, '\n');
  for (size_t I = 0; I < std::max(A.size(), B.size()); ++I) {
    llvm::StringRef L = I < A.size() ? A[I] : "<end of file>";
    llvm::StringRef R = I < B.size() ? B[I] : "<end of file>";
    if (L != R)
      return llvm::formatv("line {0}:\n  on disk:     {1}\n  regenerated: {2}", I + 1, L, R)
          .str();
  }
  return "";
}

} // namespace

int runMatrixCommand(CommandContext &Ctx, const MatrixArgs &Args) {
  std::string Output =
      Args.Output.empty() ? joinPath({Args.SamplesDir, "README.md"}) : Args.Output;
  llvm::Expected<std::vector<MatrixChapter>> Chapters = readChapters(Args.SamplesDir);
  if (!Chapters)
    return error(llvm::toString(Chapters.takeError()));

  std::vector<Lesson> Lessons;
  bool LoadFailed = false;
  for (const std::string &Dir : expandLessonPaths({Args.SamplesDir})) {
    LessonLoadResult Loaded = loadLesson(Dir);
    if (!Loaded.Loaded) {
      llvm::errs() << formatDiagnostics(Loaded.Errors);
      LoadFailed = true;
      continue;
    }
    Lessons.push_back(std::move(*Loaded.Loaded));
  }
  if (LoadFailed)
    return ExitError;
  if (Lessons.empty())
    return error("no lessons under " + Args.SamplesDir);
  std::set<std::string> Listed, Used;
  for (const MatrixChapter &C : *Chapters)
    Listed.insert(C.Topic);
  for (const Lesson &L : Lessons) {
    Used.insert(L.Topic);
    if (!Listed.count(L.Topic))
      return error("lesson " + L.Id + ": its topic '" + L.Topic + "' is not listed in " +
                   joinPath({Args.SamplesDir, "topics.txt"}));
  }
  for (const std::string &T : Listed)
    if (!Used.count(T))
      return error(joinPath({Args.SamplesDir, "topics.txt"}) + " lists '" + T +
                   "', which has no lessons");

  auto Scratch = ScratchDir::create("racelab-matrix");
  if (!Scratch)
    return error(llvm::toString(Scratch.takeError()));
  if (Ctx.Tools.Valgrind.empty())
    llvm::WithColor::warning(llvm::errs(), "racelab matrix")
        << "valgrind not found: the Helgrind and DRD columns say 'not installed'\n";

  // Lessons are independent: evaluate them side by side, each detector run
  // a supervised child process.
  std::vector<std::optional<MatrixRow>> Rows(Lessons.size());
  std::vector<std::string> Failures;
  std::mutex Lock;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Args.Jobs));
    for (size_t I = 0; I < Lessons.size(); ++I)
      Pool.async([&, I] {
        auto Start = std::chrono::steady_clock::now();
        llvm::Expected<MatrixRow> Row = evaluateLesson(Lessons[I], Ctx, Scratch->path());
        double Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                       Start)
                             .count();
        std::lock_guard<std::mutex> Guard(Lock);
        if (!Row) {
          Failures.push_back(Lessons[I].Id + ": " + llvm::toString(Row.takeError()));
          return;
        }
        llvm::errs() << llvm::formatv("matrix: {0} ({1:f1} s)\n", Lessons[I].Id, Seconds);
        Rows[I] = std::move(*Row);
      });
    Pool.wait();
  }
  if (!Failures.empty()) {
    for (const std::string &F : Failures)
      llvm::WithColor::error(llvm::errs(), "racelab matrix") << F << "\n";
    return ExitError;
  }
  std::vector<MatrixRow> Done;
  for (std::optional<MatrixRow> &R : Rows)
    Done.push_back(std::move(*R));
  std::string Text = renderMatrix(*Chapters, Done);

  if (Args.Check) {
    auto Existing = llvm::MemoryBuffer::getFile(Output);
    if (!Existing)
      return error("cannot read " + Output + ": " + Existing.getError().message() +
                   "; run `make matrix` to write it");
    if ((*Existing)->getBuffer() != Text) {
      llvm::WithColor::error(llvm::errs(), "racelab matrix")
          << Output << " is out of date (run `make matrix` and commit it); first "
          << "difference at " << firstDifference((*Existing)->getBuffer(), Text) << "\n";
      return ExitFindings;
    }
    llvm::outs() << Output << " is up to date (" << Done.size() << " lessons)\n";
    return ExitClean;
  }
  // writeToOutput goes through a temporary file and a rename: a reader
  // never sees half an index.
  if (llvm::Error E = llvm::writeToOutput(Output, [&](llvm::raw_ostream &OS) {
        OS << Text;
        return llvm::Error::success();
      }))
    return error(llvm::toString(std::move(E)));
  llvm::outs() << "wrote " << Output << " (" << Done.size() << " lessons)\n";
  return ExitClean;
}

} // namespace racelab
