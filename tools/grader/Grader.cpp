//===- Grader.cpp - Grade one submission of a lab -------------------------===//
//
// The steps, each in the sandbox: copy the submission into a private
// scratch directory, preprocess it (for the source tamper scan), compile
// and link it under TSan, scan the object file, run it the lab's number of
// times (stacks captured when a run hangs), run it once more under the
// thread tracer, run racecheck. Then each rubric criterion is scored from
// what was measured; a criterion that could not be measured (nothing built)
// scores nothing and says why.
//
//===----------------------------------------------------------------------===//
#include "Grader.h"

#include "ConcurrencyRule.h"
#include "HangAnalysis.h"
#include "HangPrinter.h"
#include "ReportPrinter.h"
#include "ScratchDir.h"
#include "TamperScan.h"
#include "ThreadTrace.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <unistd.h>

namespace racelab {
namespace {

using Clock = std::chrono::steady_clock;

/// Larger than any honest single-file lab solution; a bigger "source" is an
/// attempt to exhaust the grader, not a program.
constexpr uint64_t MaxSubmissionBytes = 1 << 20;
/// Feedback is read by people on a web page: long compiler or program
/// output is cut to its start, which says what went wrong.
constexpr size_t FeedbackExcerptBytes = 3000;
constexpr unsigned FeedbackExcerptLines = 30;

double since(Clock::time_point T) {
  return std::chrono::duration<double>(Clock::now() - T).count();
}

/// The first lines of Text, at most FeedbackExcerptBytes, saying when cut.
std::string excerpt(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.rtrim().split(Lines, '\n');
  std::string Out;
  unsigned Kept = 0;
  for (llvm::StringRef Line : Lines) {
    if (Kept == FeedbackExcerptLines || Out.size() + Line.size() > FeedbackExcerptBytes) {
      Out += "[... " + std::to_string(Lines.size() - Kept) + " more lines ...]\n";
      break;
    }
    Out += Line.str() + "\n";
    ++Kept;
  }
  return Out;
}

std::string plural(unsigned N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// The process in Group whose executable is Binary: the program, below the
/// sandbox's own processes.
pid_t findProgramInGroup(pid_t Group, llvm::StringRef Binary) {
  std::error_code EC;
  pid_t Found = 0;
  for (llvm::sys::fs::directory_iterator It("/proc", EC), End; It != End && !EC;
       It.increment(EC)) {
    pid_t Pid;
    if (llvm::sys::path::filename(It->path()).getAsInteger(10, Pid))
      continue;
    if (::getpgid(Pid) != Group)
      continue;
    llvm::SmallString<256> Exe;
    if (llvm::sys::fs::real_path(It->path() + "/exe", Exe))
      continue;
    if (Exe == Binary && (!Found || Pid < Found))
      Found = Pid;
  }
  return Found;
}

/// "30 s", "2.5 s".
std::string secondsText(double S) { return shortNumber(S) + " s"; }

/// The program ended by itself with 0. TSan turns the exit code of a run
/// with reports into 66; that run still counts as a normal end for its
/// output (the reports cost their own criterion).
bool exitedNormally(const TsanRunResult &R) {
  const ProcessResult &P = R.Process;
  return P.Kind == ExitKind::Exited &&
         (P.ExitCode == 0 || (P.ExitCode == 66 && !R.Log.Reports.empty()));
}

/// How a run that did not end normally ended, for a student.
std::string endingText(const TsanRunResult &R) {
  const ProcessResult &P = R.Process;
  if (P.Kind == ExitKind::LimitExceeded)
    return "stopped: it went over the " +
           std::string(P.Limit == "memory" ? "memory" : "output") + " limit";
  // TSan catches a crash, prints it to its log and exits with 66.
  if (!R.Log.FatalErrors.empty()) {
    llvm::StringRef Text = llvm::StringRef(R.Log.FatalErrors.front().Text).trim();
    Text.consume_front("ERROR: ThreadSanitizer: ");
    return "crashed: " + Text.str();
  }
  return P.describe();
}

/// One graded run of the program.
struct GradedRun {
  TsanRunResult Run;
  bool OutputOk = false;
};

/// Everything measured about a submission, before scoring.
struct Measurements {
  bool Submitted = false;
  std::string SubmitProblem;
  bool Preprocessed = false;
  bool Built = false;
  std::string BuildLog;
  std::vector<TamperFinding> Tampering;
  std::vector<GradedRun> Runs;
  unsigned SkippedRuns = 0; ///< Not attempted after a run hung.
  std::optional<ConcurrencyResult> Concurrency;
  std::string ConcurrencyProblem;
  std::optional<std::vector<std::string>> RacecheckFindings;
  std::string RacecheckProblem;
};

class SubmissionGrader {
public:
  SubmissionGrader(const CommandContext &Ctx, const Lab &L, const GradeOptions &Options,
                   const Sandbox &Box, const ScratchDir &Scratch, GradeResult &Result)
      : Ctx(Ctx), L(L), Options(Options), Box(Box), Scratch(Scratch), Result(Result),
        Builder([&] {
          // Untrusted sources never go through the user's compiler cache.
          Toolchain T = Ctx.Tools;
          T.Ccache.clear();
          return TsanBuilder(T, Ctx.Config);
        }()),
        Printer(Ctx.Filter, PrintOptions{3, Scratch.path()}) {}

  void measure();
  void score();

private:
  void copySubmission();
  void preprocessAndScan();
  void build();
  void run();
  void traceThreads();
  void racecheck();
  ProcessResult runBoxed(std::vector<std::string> Argv, double Timeout);
  /// The lab's memory and output limits on a process of the submission.
  void limit(ProcessSpec &P) const;
  /// A run of the built program with the lab's arguments and limits, in
  /// the sandbox.
  TsanRunSpec programRun() const;
  void noteTree(long Kb) { Result.PeakRssKb = std::max(Result.PeakRssKb, Kb); }

  CriterionResult scoreOne(const RubricItem &Item) const;
  void scoreOutput(CriterionResult &C) const;
  void scoreTsan(CriterionResult &C) const;
  void scoreHang(CriterionResult &C) const;
  void scoreTampering(CriterionResult &C) const;
  void scoreRacecheck(CriterionResult &C) const;

  /// Students know their file as bank.cpp, not by the scratch path.
  std::string withoutScratch(llvm::StringRef Text) const {
    return llvm::join(llvm::split(Text, Scratch.path() + "/"), "");
  }
  std::string workFile(llvm::StringRef Name) const { return Scratch.file(Name.str()); }
  std::string sourcePath() const { return workFile(L.SubmissionFile); }
  std::string binaryName() const {
    return llvm::sys::path::stem(L.SubmissionFile).str();
  }
  std::string binaryPath() const { return workFile(binaryName()); }
  std::string preprocessedPath() const { return workFile(binaryName() + ".ii"); }

  const CommandContext &Ctx;
  const Lab &L;
  const GradeOptions &Options;
  const Sandbox &Box;
  const ScratchDir &Scratch;
  GradeResult &Result;
  TsanBuilder Builder;
  ReportPrinter Printer;
  Measurements M;
};

void SubmissionGrader::measure() {
  copySubmission();
  if (!M.Submitted)
    return;
  auto BuildStart = Clock::now();
  preprocessAndScan();
  build();
  Result.BuildSeconds = since(BuildStart);
  if (!M.Built)
    return;
  run();
  traceThreads();
  auto RacecheckStart = Clock::now();
  racecheck();
  Result.RacecheckSeconds = since(RacecheckStart);
}

void SubmissionGrader::copySubmission() {
  const std::string &Path = Options.Submission;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    M.SubmitProblem = "No " + L.SubmissionFile + " was handed in (" + Path + ": " +
                      EC.message() + ").";
    return;
  }
  if (Status.type() != llvm::sys::fs::file_type::regular_file) {
    M.SubmitProblem = Path + " is not a regular file; hand in " + L.SubmissionFile +
                      " itself.";
    return;
  }
  if (Status.getSize() > MaxSubmissionBytes) {
    M.SubmitProblem = L.SubmissionFile + " is " + std::to_string(Status.getSize()) +
                      " bytes; a submission may have at most " +
                      std::to_string(MaxSubmissionBytes) + ".";
    return;
  }
  if (std::error_code EC = llvm::sys::fs::copy_file(Path, sourcePath())) {
    M.SubmitProblem = "Cannot read " + Path + ": " + EC.message() + ".";
    return;
  }
  M.Submitted = true;
}

ProcessResult SubmissionGrader::runBoxed(std::vector<std::string> Argv, double Timeout) {
  ProcessSpec P;
  P.Argv = std::move(Argv);
  P.TimeoutSeconds = Timeout;
  P.OutputLimitBytes = 256 * 1024;
  limit(P);
  Box.wrap(P, {});
  ProcessResult R = runSupervised(P);
  noteTree(R.TreePeakRssKb);
  return R;
}

void SubmissionGrader::preprocessAndScan() {
  // The scan reads the preprocessed text: a `no_sanitize` pasted together
  // by a macro, or hidden in an _Pragma, is plain to see there. The build
  // then compiles this very text, so what was scanned is what runs (and the
  // headers are read once, not twice).
  std::vector<std::string> Cmd = Builder.compileCommand(sourcePath(), L.Flags, preprocessedPath());
  for (std::string &Arg : Cmd)
    if (Arg == "-c")
      Arg = "-E";
  ProcessResult R = runBoxed(Cmd, L.Limits.BuildSeconds);
  if (!R.succeeded()) {
    M.BuildLog = withoutScratch(R.Stderr) +
                 (R.Kind == ExitKind::Exited ? "" : "compiler " + R.describe() + "\n");
    return;
  }
  auto Text = llvm::MemoryBuffer::getFile(preprocessedPath());
  if (!Text) {
    M.BuildLog = "the preprocessed source could not be read back";
    return;
  }
  M.Preprocessed = true;
  M.Tampering = scanPreprocessedSource((*Text)->getBuffer(), sourcePath());
}

void SubmissionGrader::build() {
  if (!M.Preprocessed)
    return;
  BuildSpec Spec;
  Spec.Source = preprocessedPath();
  Spec.ExtraFlags = L.Flags;
  // Include paths and defines were used up by the preprocessor.
  Spec.ExtraFlags.push_back("-Wno-unused-command-line-argument");
  Spec.OutputDir = Scratch.path();
  Spec.OutputName = binaryName();
  Spec.Launch = Box.launcher();
  Spec.TimeoutSeconds = L.Limits.BuildSeconds;
  BuildResult B = Builder.build(Spec);
  M.Built = B.Ok;
  M.BuildLog = withoutScratch(B.Diagnostics);
  if (!B.Ok)
    return;
  llvm::Expected<std::vector<TamperFinding>> Binary =
      scanObjectFile(workFile(binaryName() + ".o"));
  if (!Binary) {
    M.Tampering.push_back({"the object file could not be read (" +
                               llvm::toString(Binary.takeError()) +
                               "), so it could not be checked",
                           binaryName() + ".o"});
    return;
  }
  for (TamperFinding &F : *Binary)
    if (!llvm::is_contained(M.Tampering, F))
      M.Tampering.push_back(std::move(F));
}

void SubmissionGrader::limit(ProcessSpec &P) const {
  P.KillAtOutputLimit = true;
  P.MemoryLimitBytes = size_t(L.Limits.MemoryMb) << 20;
}

TsanRunSpec SubmissionGrader::programRun() const {
  TsanRunSpec Spec;
  Spec.Binary = binaryPath();
  Spec.Args = L.Args;
  Spec.TimeoutSeconds = L.Limits.RunSeconds;
  Spec.OutputLimitBytes = size_t(L.Limits.OutputKb) << 10;
  Spec.WorkingDir = Scratch.path();
  Spec.Launch = [this](ProcessSpec &P, const std::vector<std::string> &Writable) {
    limit(P);
    Box.wrap(P, Writable);
  };
  return Spec;
}

void SubmissionGrader::run() {
  unsigned Runs = Options.Runs ? Options.Runs : L.Runs;
  std::string Binary = binaryPath();
  for (unsigned I = 0; I < Runs; ++I) {
    TsanRunSpec Spec = programRun();
    Spec.FindProgram = [&](pid_t Group) { return findProgramInGroup(Group, Binary); };
    GradedRun G;
    G.Run = Ctx.Runner.run(Spec);
    const ProcessResult &P = G.Run.Process;
    G.OutputOk = exitedNormally(G.Run) && !P.StdoutTruncated && P.Stdout == L.ExpectedOutput;
    Result.RunSeconds += P.WallSeconds;
    noteTree(P.TreePeakRssKb);
    bool Hung = P.Kind == ExitKind::TimedOut;
    M.Runs.push_back(std::move(G));
    // One hang says what there is to say; waiting out the limit again in
    // every run would only make a grader of hundreds of submissions crawl.
    if (Hung) {
      M.SkippedRuns = Runs - I - 1;
      return;
    }
  }
}

void SubmissionGrader::traceThreads() {
  if (M.SkippedRuns || (!M.Runs.empty() && M.Runs.back().Run.Process.Kind == ExitKind::TimedOut)) {
    M.ConcurrencyProblem = "a run did not finish, so the threads of a finished run "
                           "could not be measured";
    return;
  }
  // A run of its own: gdb cannot attach to a traced program, and the graded
  // runs must be able to show the stacks of a hang.
  if (Options.SelfPath.empty()) {
    M.ConcurrencyProblem = "the grader does not know its own path to start the tracer";
    return;
  }
  // The tracer runs outside the sandbox and writes its record where the
  // program cannot reach it.
  auto TraceDir = ScratchDir::create("racelab-trace");
  if (!TraceDir) {
    M.ConcurrencyProblem = llvm::toString(TraceDir.takeError());
    return;
  }
  std::string Report = TraceDir->file("threads.json");
  TsanRunSpec Spec = programRun();
  Spec.CaptureHangs = false;
  // Reporting a race costs the reporting thread a symbolization; with
  // reports on, a racy program's threads would look unevenly busy. The
  // graded runs judge the races; this run only counts the work.
  Spec.ExtraOptions = {"report_bugs=0"};
  Launcher Boxed = Spec.Launch;
  Spec.Launch = [&](ProcessSpec &P, const std::vector<std::string> &Writable) {
    Boxed(P, Writable);
    std::vector<std::string> Tracer{Options.SelfPath, "trace-threads", "--report", Report,
                                    "--program", binaryPath(), "--"};
    P.Argv.insert(P.Argv.begin(), Tracer.begin(), Tracer.end());
  };
  TsanRunResult R = Ctx.Runner.run(Spec);
  Result.RunSeconds += R.Process.WallSeconds;
  noteTree(R.Process.TreePeakRssKb);
  if (R.Process.Kind != ExitKind::Exited) {
    M.ConcurrencyProblem = "the measured run did not end normally (" +
                           R.Process.describe() + ")";
    return;
  }
  llvm::Expected<ThreadTrace> Trace = readThreadTrace(Report);
  if (!Trace) {
    M.ConcurrencyProblem = "the traced run (" + R.Process.describe() +
                           ") left no thread record: " + llvm::toString(Trace.takeError());
    return;
  }
  M.Concurrency = assessConcurrency(*Trace, L.Threads);
}

void SubmissionGrader::racecheck() {
  const std::string &Racecheck = Ctx.Tools.Racecheck;
  if (Racecheck.empty()) {
    M.RacecheckProblem = "racecheck is not installed next to racelab";
    return;
  }
  std::vector<std::string> Cmd{Racecheck, "--format=json", sourcePath(), "--",
                               "-std=c++20", "-pthread"};
  Cmd.insert(Cmd.end(), L.Flags.begin(), L.Flags.end());
  ProcessResult R = runBoxed(Cmd, L.Limits.BuildSeconds);
  if (R.Kind != ExitKind::Exited || (R.ExitCode != 0 && R.ExitCode != 1)) {
    M.RacecheckProblem = "racecheck could not analyse the file (" + R.describe() + ")";
    return;
  }
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse(R.Stdout);
  if (!Json) {
    M.RacecheckProblem = "racecheck's output was unreadable: " + llvm::toString(Json.takeError());
    return;
  }
  std::vector<std::string> Findings;
  std::string Base = Scratch.path() + "/";
  if (const llvm::json::Object *Root = Json->getAsObject())
    if (const llvm::json::Array *Diags = Root->getArray("diagnostics"))
      for (const llvm::json::Value &D : *Diags)
        if (const llvm::json::Object *O = D.getAsObject()) {
          llvm::StringRef File = O->getString("file").value_or("");
          File.consume_front(Base);
          Findings.push_back(llvm::formatv("{0}:{1}:{2}: {3} [{4}]", File,
                                           O->getInteger("line").value_or(0),
                                           O->getInteger("column").value_or(0),
                                           O->getString("message").value_or(""),
                                           O->getString("check").value_or(""))
                                 .str());
        }
  M.RacecheckFindings = std::move(Findings);
}

// ---- Scoring --------------------------------------------------------------

void SubmissionGrader::score() {
  for (const RubricItem &Item : L.Rubric) {
    CriterionResult C = scoreOne(Item);
    Result.Score += C.Score;
    Result.MaxScore += C.MaxScore;
    Result.Criteria.push_back(std::move(C));
  }
}

CriterionResult SubmissionGrader::scoreOne(const RubricItem &Item) const {
  CriterionResult C;
  C.Check = Item.Check;
  C.Name = Item.Name;
  C.MaxScore = Item.Points;
  C.Visible = Item.Visible;
  if (!M.Submitted) {
    C.Feedback = Item.Check == Criterion::Builds
                     ? M.SubmitProblem
                     : "Not graded: there is no " + L.SubmissionFile + " to grade.";
  } else if (Item.Check == Criterion::Builds) {
    C.Passed = M.Built;
    C.Feedback = M.Built ? "It compiles and links with -fsanitize=thread."
                         : "It does not build. The compiler said:\n" + excerpt(M.BuildLog);
    if (M.Built && !llvm::StringRef(M.BuildLog).trim().empty())
      C.Feedback += " The compiler warned:\n" + excerpt(M.BuildLog);
  } else if (!M.Built) {
    C.Feedback = "Not graded: the submission does not build.";
  } else {
    switch (Item.Check) {
    case Criterion::Output:
      scoreOutput(C);
      break;
    case Criterion::TsanClean:
      scoreTsan(C);
      break;
    case Criterion::NoHang:
      scoreHang(C);
      break;
    case Criterion::Concurrency:
      C.Passed = M.Concurrency && M.Concurrency->Kept;
      C.Feedback = M.Concurrency ? M.Concurrency->Feedback
                                 : "Could not be measured: " + M.ConcurrencyProblem + ".";
      break;
    case Criterion::NoTampering:
      scoreTampering(C);
      break;
    case Criterion::Racecheck:
      scoreRacecheck(C);
      break;
    case Criterion::Builds:
      break;
    }
  }
  if (C.Check != Criterion::Output)
    C.Score = C.Passed ? C.MaxScore : 0;
  return C;
}

void SubmissionGrader::scoreOutput(CriterionResult &C) const {
  unsigned Good = llvm::count_if(M.Runs, [](const GradedRun &G) { return G.OutputOk; });
  unsigned Runs = M.Runs.size() + M.SkippedRuns;
  C.Passed = Good == Runs;
  // Partial credit: a program that is right in most runs is closer to
  // correct than one that never is.
  C.Score = Runs ? C.MaxScore * Good / Runs : 0;
  std::string Expected = llvm::StringRef(L.ExpectedOutput).rtrim().str();
  if (C.Passed) {
    C.Feedback = "All " + std::to_string(Runs) + " runs printed exactly '" + Expected +
                 "' and exited with 0.";
    return;
  }
  C.Feedback = std::to_string(Good) + " of " + plural(Runs, "run", "runs") +
               " printed exactly '" + Expected + "' and exited with 0.";
  for (size_t I = 0; I < M.Runs.size(); ++I) {
    const ProcessResult &P = M.Runs[I].Run.Process;
    if (M.Runs[I].OutputOk)
      continue;
    std::string What = "\nRun " + std::to_string(I + 1) + ": ";
    if (!exitedNormally(M.Runs[I].Run))
      What += endingText(M.Runs[I].Run);
    else if (P.Stdout.empty())
      What += "printed nothing";
    else
      What += "printed:\n" + excerpt(P.Stdout);
    C.Feedback += What;
    break; // The first wrong run says enough; the rest are usually alike.
  }
  if (M.SkippedRuns)
    C.Feedback += "\n" + plural(M.SkippedRuns, "run was", "runs were") +
                  " not attempted after a run hung.";
}

void SubmissionGrader::scoreTsan(CriterionResult &C) const {
  if (!M.Tampering.empty()) {
    C.Feedback = "Not credited: the submission interferes with ThreadSanitizer "
                 "(see the tampering criterion), so its silence proves nothing.";
    return;
  }
  unsigned Dirty = 0, Unfinished = 0;
  const TsanReport *First = nullptr;
  std::string Problem;
  for (const GradedRun &G : M.Runs) {
    const TsanRunResult &R = G.Run;
    bool Finished = R.Process.Kind == ExitKind::Exited;
    if (!R.Log.Reports.empty()) {
      ++Dirty;
      if (!First)
        First = &R.Log.Reports.front();
    } else if (R.sanitizerFailed()) {
      ++Dirty;
      if (Problem.empty())
        Problem = R.Log.FatalErrors.empty() ? R.sanitizerProblem() : endingText(R);
    } else if (!Finished) {
      ++Unfinished;
    }
  }
  unsigned Runs = M.Runs.size();
  Unfinished += M.SkippedRuns;
  C.Passed = Dirty == 0 && Unfinished == 0;
  if (C.Passed) {
    C.Feedback = "ThreadSanitizer checked all " + std::to_string(Runs) +
                 " runs and reported nothing.";
    return;
  }
  if (First) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    Printer.printText(OS, *First);
    C.Feedback = "ThreadSanitizer reported a problem in " + std::to_string(Dirty) + " of " +
                 plural(Runs, "run", "runs") + ". The first report, a " +
                 First->KindText + ":\n" + excerpt(Text);
  } else if (!Problem.empty()) {
    C.Feedback = "ThreadSanitizer could not check " + plural(Dirty, "run", "runs") +
                 " to the end: " + Problem;
  } else {
    C.Feedback = plural(Unfinished, "run", "runs") +
                 " did not finish (see the other criteria), so ThreadSanitizer "
                 "could not check them to the end.";
  }
}

void SubmissionGrader::scoreHang(CriterionResult &C) const {
  for (size_t I = 0; I < M.Runs.size(); ++I) {
    const TsanRunResult &R = M.Runs[I].Run;
    if (R.Process.Kind != ExitKind::TimedOut)
      continue;
    C.Feedback = "Run " + std::to_string(I + 1) + " did not finish within " +
                 secondsText(L.Limits.RunSeconds) + " and was stopped.";
    if (R.Hang) {
      HangReport Hang = analyzeHang(*R.Hang, Ctx.Filter);
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      HangPrinter(Printer).printText(OS, Hang, L.Limits.RunSeconds);
      C.Feedback += " What its threads were doing:\n" + excerpt(Text);
    }
    return;
  }
  C.Passed = true;
  C.Feedback = "Every run finished within " + secondsText(L.Limits.RunSeconds) + ".";
}

void SubmissionGrader::scoreTampering(CriterionResult &C) const {
  C.Passed = M.Tampering.empty();
  if (C.Passed) {
    C.Feedback = "Nothing in the source or the compiled object switches the "
                 "sanitizer off or works around it.";
    return;
  }
  C.Feedback = "The submission works around ThreadSanitizer:";
  for (const TamperFinding &F : M.Tampering)
    C.Feedback += "\n- " + F.Where + ": " + F.What;
}

void SubmissionGrader::scoreRacecheck(CriterionResult &C) const {
  if (!M.RacecheckFindings) {
    C.Feedback = "Could not be checked: " + M.RacecheckProblem + ".";
    return;
  }
  C.Passed = M.RacecheckFindings->empty();
  if (C.Passed) {
    C.Feedback = "racecheck, the static checker, found nothing.";
    return;
  }
  C.Feedback = "racecheck, the static checker, found " +
               plural(M.RacecheckFindings->size(), "problem", "problems") + ":";
  for (const std::string &F : *M.RacecheckFindings)
    C.Feedback += "\n" + F;
}

} // namespace

std::string shortNumber(double X) {
  std::string S = llvm::formatv("{0:F2}", X).str();
  while (S.back() == '0')
    S.pop_back();
  if (S.back() == '.')
    S.pop_back();
  return S;
}

llvm::Expected<GradeResult> gradeSubmission(const CommandContext &Ctx, const Lab &L,
                                            const GradeOptions &Options) {
  auto Start = Clock::now();
  auto Scratch = ScratchDir::create("racelab-grade");
  if (!Scratch)
    return Scratch.takeError();
  SandboxPolicy Policy;
  Policy.ScratchDir = Scratch->path();
  Policy.ReadOnly = {Ctx.Tools.supportIncludeDir()};
  if (!Ctx.Tools.Racecheck.empty())
    Policy.ReadOnly.push_back(llvm::sys::path::parent_path(Ctx.Tools.Racecheck).str());
  // The lab folder holds the reference solution; the data dir holds every
  // lesson's fixed twin. Neither may be readable from inside.
  Policy.Hidden = {L.Dir, Ctx.Tools.DataDir + "/samples"};
  Policy.Processes = L.Limits.Processes;
  Policy.FileBytes = size_t(L.Limits.FileMb) << 20;
  llvm::Expected<Sandbox> Box = Sandbox::create(std::move(Policy), Options.Mode);
  if (!Box)
    return Box.takeError();

  GradeResult Result;
  Result.LabId = L.Id;
  Result.LabTitle = L.Title;
  Result.Submission = Options.Submission;
  Result.SandboxText = Box->describe();
  SubmissionGrader G(Ctx, L, Options, *Box, *Scratch, Result);
  G.measure();
  G.score();
  Result.TotalSeconds = since(Start);
  return Result;
}

} // namespace racelab
