//===- TsanRun.cpp - One supervised run of a TSan binary ------------------===//
#include "TsanRun.h"

#include "ScratchDir.h"
#include "TsanReportParser.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace racelab {
namespace {

/// Sanitizer flags are separated by spaces or colons; quote values that
/// contain either.
std::string quoteOption(llvm::StringRef Name, llvm::StringRef Value) {
  if (Value.find_first_of(" :") == llvm::StringRef::npos)
    return (Name + "=" + Value).str();
  return (Name + "=\"" + Value + "\"").str();
}

/// Variables that would change how the sanitizer behaves behind our back.
const std::vector<std::string> SanitizerVariables = {
    "TSAN_OPTIONS", "TSAN_SYMBOLIZER_PATH", "LLVM_SYMBOLIZER_PATH",
    "ASAN_OPTIONS", "UBSAN_OPTIONS",        "LD_PRELOAD"};

} // namespace

bool TsanRunResult::sanitizerFailed() const {
  return !sanitizerProblem().empty();
}

std::string TsanRunResult::sanitizerProblem() const {
  if (!SetupError.empty())
    return SetupError;
  if (!Log.FatalErrors.empty())
    return "ThreadSanitizer: " + Log.FatalErrors.front().Text;
  // 66 without any report means TSan stopped the program for a reason of its
  // own that it did not print to the log (it could not start, say).
  if (Process.Kind == ExitKind::Exited && Process.ExitCode == 66 &&
      Log.Reports.empty())
    return "exit code 66 (ThreadSanitizer's) without a report in its log: "
           "the sanitizer failed to start or hit a limit";
  return {};
}

std::string TsanRunner::tsanOptions(const std::string &LogPrefix,
                                    const std::vector<std::string> &Extra) const {
  std::vector<std::string> Parts;
  std::vector<std::string> Options = Config.RuntimeOptions;
  Options.insert(Options.end(), Extra.begin(), Extra.end());
  for (const std::string &Opt : Options) {
    auto [Name, Value] = llvm::StringRef(Opt).split('=');
    Parts.push_back(quoteOption(Name, Value));
  }
  Parts.push_back(quoteOption("log_path", LogPrefix));
  if (!Tools.Symbolizer.empty())
    Parts.push_back(quoteOption("external_symbolizer_path", Tools.Symbolizer));
  return llvm::join(Parts, " ");
}

TsanRunResult TsanRunner::run(const TsanRunSpec &Spec) const {
  TsanRunResult Result;
  auto LogDir = ScratchDir::create("racelab-tsan");
  if (!LogDir) {
    Result.SetupError = llvm::toString(LogDir.takeError());
    return Result;
  }
  std::string Prefix = LogDir->file("tsan");

  ProcessSpec P;
  P.Argv.push_back(Spec.Binary);
  P.Argv.insert(P.Argv.end(), Spec.Args.begin(), Spec.Args.end());
  P.Env = environmentWith({"TSAN_OPTIONS=" + tsanOptions(Prefix, Spec.ExtraOptions)},
                          SanitizerVariables);
  P.TimeoutSeconds = Spec.TimeoutSeconds;
  P.OutputLimitBytes = Spec.OutputLimitBytes;
  P.WorkingDir = Spec.WorkingDir;
  if (Spec.CaptureHangs)
    P.BeforeKill = [&](pid_t Group) {
      HangCaptureOptions Options;
      Options.Gdb = Tools.Gdb;
      if (Spec.FindProgram)
        Options.Program = Spec.FindProgram(Group);
      Result.Hang = captureHang(Group, Options);
    };
  if (Spec.Launch)
    Spec.Launch(P, {LogDir->path()});
  Result.Process = runSupervised(P);

  // One file per process ("tsan.<pid>"); parse each on its own so a report
  // cut short in one cannot swallow the start of the next, and merge in pid
  // order for a deterministic result.
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(LogDir->path(), EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::filename(It->path()).starts_with("tsan."))
      Files.push_back(It->path());
  std::sort(Files.begin(), Files.end(), [](const std::string &A, const std::string &B) {
    return A.size() != B.size() ? A.size() < B.size() : A < B;
  });
  for (const std::string &F : Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(F);
    if (!Buffer)
      continue;
    TsanLog One = parseTsanLog((*Buffer)->getBuffer());
    for (TsanReport &R : One.Reports)
      Result.Log.Reports.push_back(std::move(R));
    for (TsanFatalError &E : One.FatalErrors)
      Result.Log.FatalErrors.push_back(std::move(E));
    if (One.ReportedCount)
      Result.Log.ReportedCount =
          Result.Log.ReportedCount.value_or(0) + *One.ReportedCount;
    ++Result.LogFiles;
  }
  return Result;
}

} // namespace racelab
