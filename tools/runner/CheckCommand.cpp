//===- CheckCommand.cpp - racelab check FILE ------------------------------===//
//
// Builds one file under TSan, runs it N times and prints the distinct
// findings with how many runs showed each: TSan's reports, and the hangs,
// each with where its threads were blocked when it was stopped. Exit 0
// clean, 1 findings (or a hang), 2 when the file does not build or TSan
// itself failed.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "FindingSet.h"
#include "HangPrinter.h"
#include "ReportPrinter.h"
#include "ScratchDir.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>

namespace racelab {

int runCheckCommand(CommandContext &Ctx, const CheckArgs &Args) {
  llvm::raw_ostream &OS = llvm::outs();
  if (!llvm::sys::fs::is_regular_file(Args.File)) {
    llvm::WithColor::error(llvm::errs(), "racelab")
        << Args.File << ": no such file\n";
    return ExitError;
  }
  auto Scratch = ScratchDir::create("racelab-check");
  if (!Scratch) {
    llvm::WithColor::error(llvm::errs(), "racelab")
        << llvm::toString(Scratch.takeError()) << "\n";
    return ExitError;
  }

  BuildSpec Build;
  Build.Source = Args.File;
  Build.ExtraFlags = Args.ExtraFlags;
  Build.OutputDir = Scratch->path();
  Build.OutputName = llvm::sys::path::stem(Args.File).str();
  BuildResult Built = Ctx.Builder.build(Build);
  if (!Built.Ok) {
    llvm::errs() << Built.Diagnostics;
    llvm::WithColor::error(llvm::errs(), "racelab")
        << Args.File << " does not build under ThreadSanitizer\n";
    return ExitError;
  }

  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  ReportPrinter Printer(Ctx.Filter, PrintOptions{3, Cwd.str().str()});
  HangPrinter HangText(Printer);

  FindingSet Findings(Ctx.Filter);
  // Distinct hangs by signature, in first-seen order, with their runs.
  llvm::MapVector<std::string, std::pair<HangReport, unsigned>,
                  std::map<std::string, unsigned>>
      HangsSeen;
  unsigned Hangs = 0, Crashes = 0, SanitizerFailures = 0;
  std::vector<std::string> RunProblems;
  std::vector<ProcessResult> Processes;
  for (unsigned I = 1; I <= Args.Runs; ++I) {
    TsanRunSpec Spec;
    Spec.Binary = Built.Binary;
    Spec.Args = Args.ProgramArgs;
    Spec.TimeoutSeconds = Args.TimeoutSeconds;
    TsanRunResult Run = Ctx.Runner.run(Spec);
    Findings.addRun(Run.Log);
    Processes.push_back(Run.Process);
    if (Run.Process.Kind == ExitKind::TimedOut) {
      ++Hangs;
      if (Run.Hang) {
        HangReport Hang = analyzeHang(*Run.Hang, Ctx.Filter);
        std::string Signature = HangText.signature(Hang);
        ++HangsSeen.insert({Signature, {std::move(Hang), 0}}).first->second.second;
      } else {
        RunProblems.push_back("run " + std::to_string(I) + ": " +
                              Run.Process.describe());
      }
    } else if (Run.sanitizerFailed()) {
      ++SanitizerFailures;
      RunProblems.push_back("run " + std::to_string(I) + ": " +
                            Run.sanitizerProblem());
    } else if (Run.Process.Kind == ExitKind::Signaled) {
      // A crash is a finding too (std::terminate from a joinable thread's
      // destructor, a segfault), even when TSan had nothing to say.
      ++Crashes;
      RunProblems.push_back("run " + std::to_string(I) + ": " +
                            Run.Process.describe());
    }
  }
  std::vector<const Finding *> List = Findings.findings();

  if (Args.Format == OutputFormat::Json) {
    llvm::json::Array Items;
    for (const Finding *F : List) {
      llvm::json::Value V = Printer.toJSON(F->Example);
      V.getAsObject()->try_emplace("runs_seen", F->RunsSeen);
      Items.push_back(std::move(V));
    }
    llvm::json::Array HangItems;
    for (auto &[Signature, Seen] : HangsSeen) {
      llvm::json::Value V = HangText.toJSON(Seen.first);
      V.getAsObject()->try_emplace("runs_seen", Seen.second);
      HangItems.push_back(std::move(V));
    }
    llvm::json::Array Problems, Runs;
    for (const std::string &P : RunProblems)
      Problems.push_back(P);
    for (const ProcessResult &P : Processes)
      Runs.push_back(llvm::json::Object{
          {"outcome", P.describe()},
          {"exit_code", P.Kind == ExitKind::Exited ? llvm::json::Value(P.ExitCode)
                                                   : llvm::json::Value(nullptr)},
          {"signal", P.Signal},
          {"timed_out", P.Kind == ExitKind::TimedOut},
          {"wall_seconds", P.WallSeconds},
          {"peak_rss_kb", P.PeakRssKb}});
    llvm::json::Object Out{{"version", 1},
                           {"file", Args.File},
                           {"runs", Args.Runs},
                           {"runs_with_findings", Findings.runsWithFindings()},
                           {"hangs", Hangs},
                           {"crashes", Crashes},
                           {"findings", std::move(Items)},
                           {"hang_reports", std::move(HangItems)},
                           {"problems", std::move(Problems)},
                           {"run_details", std::move(Runs)}};
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Out))) << "\n";
  } else {
    for (const Finding *F : List) {
      Printer.printText(OS, F->Example);
      OS << "  seen in " << F->RunsSeen << " of " << Args.Runs << " runs\n\n";
    }
    for (auto &[Signature, Seen] : HangsSeen) {
      HangText.printText(OS, Seen.first, Args.TimeoutSeconds);
      OS << "  seen in " << Seen.second << " of " << Args.Runs << " runs\n\n";
    }
    for (const std::string &P : RunProblems)
      OS << P << "\n";
    double Slowest = 0;
    long PeakKb = 0;
    for (const ProcessResult &P : Processes) {
      Slowest = std::max(Slowest, P.WallSeconds);
      PeakKb = std::max(PeakKb, P.PeakRssKb);
    }
    OS << llvm::formatv("runs: {0}; slowest {1:f2} s, peak memory {2} MB\n",
                        Processes.empty() ? std::string("none")
                                          : Processes.back().describe() +
                                                " (last run)",
                        Slowest, PeakKb / 1024);
    OS << Args.File << ": " << List.size()
       << (List.size() == 1 ? " finding" : " findings") << " in " << Args.Runs
       << (Args.Runs == 1 ? " run" : " runs");
    if (Hangs)
      OS << ", " << Hangs << (Hangs == 1 ? " hang" : " hangs");
    if (Crashes)
      OS << ", " << Crashes << (Crashes == 1 ? " crash" : " crashes");
    OS << " (built in " << llvm::formatv("{0:f1}", Built.Seconds) << " s)\n";
  }

  if (!List.empty() || Hangs || Crashes)
    return ExitFindings;
  if (SanitizerFailures)
    return ExitError;
  return ExitClean;
}

} // namespace racelab
