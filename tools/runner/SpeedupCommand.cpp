//===- SpeedupCommand.cpp - racelab speedup LESSON_DIR... -----------------===//
//
// Times a performance lesson: its slow program (before.cpp) and its fast one
// (fixed.cpp), built optimised without TSan (sanitizers/perf.flags), at each
// thread count of the lesson's `measure` (passed as RACELAB_THREADS), runs
// of the two alternating so a noisy shared machine slows both alike. It
// prints the medians, the ratio slow/fast, each program's speedup over its
// own one-thread time and the serial fraction Amdahl's law fits to it, and
// draws the curves as SVG. The expected ratio (measure.expect_faster) is
// checked here, in a benchmark, never in a test: a ratio below it exits 1.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "LessonVerifier.h"
#include "PathUtil.h"
#include "ScratchDir.h"
#include "Speedup.h"
#include "Supervisor.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <map>
#include <thread>

namespace racelab {

namespace {

/// A single timed run taking longer than this is stuck, not slow.
constexpr double RunTimeoutSeconds = 300;

int error(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "racelab speedup") << Message << "\n";
  return ExitError;
}

struct Timings {
  std::map<unsigned, std::vector<double>> Slow, Fast;
};

/// One timed run. Every run of both programs at one thread count must
/// print what the first one printed (the measuring size has its own answer,
/// not the lesson's expected_output; some programs print a line per
/// thread), or the time would be of a program doing something else.
llvm::Expected<double> timeRun(const Lesson &L, const std::string &Binary,
                               unsigned Threads, std::optional<std::string> &Reference) {
  ProcessSpec Spec;
  Spec.Argv = {Binary};
  Spec.Argv.insert(Spec.Argv.end(), L.Measure->Args.begin(), L.Measure->Args.end());
  Spec.Env = environmentWith({"RACELAB_THREADS=" + std::to_string(Threads)});
  Spec.TimeoutSeconds = RunTimeoutSeconds;
  ProcessResult R = runSupervised(Spec);
  if (!R.succeeded())
    return llvm::createStringError("%s with %u threads: %s\n%s", Binary.c_str(), Threads,
                                   R.describe().c_str(), R.Stderr.c_str());
  if (!Reference)
    Reference = R.Stdout;
  else if (R.Stdout != *Reference)
    return llvm::createStringError(
        "%s with %u threads printed '%s', but the first run printed '%s'", Binary.c_str(),
        Threads, R.Stdout.c_str(), Reference->c_str());
  return R.WallSeconds;
}

/// How busy the machine's CPUs are (0..1) over a short look at
/// /proc/stat; nullopt where there is no /proc/stat. On a machine shared
/// with other work, threads compete for cores and CPU-bound speedups shrink
/// to nothing, so the result is reported with the numbers.
std::optional<double> cpuBusyFraction() {
  auto Sample = []() -> std::optional<std::pair<double, double>> {
    auto Stat = llvm::MemoryBuffer::getFileAsStream("/proc/stat");
    if (!Stat)
      return std::nullopt;
    llvm::SmallVector<llvm::StringRef, 12> Fields;
    (*Stat)->getBuffer().split('\n').first.split(Fields, ' ', -1, false);
    if (Fields.size() < 5 || Fields[0] != "cpu")
      return std::nullopt;
    double Total = 0, Idle = 0;
    for (size_t I = 1; I < Fields.size(); ++I) {
      double V = 0;
      if (Fields[I].getAsDouble(V))
        return std::nullopt;
      Total += V;
      if (I == 4 || I == 5) // idle, iowait
        Idle += V;
    }
    return std::make_pair(Total, Idle);
  };
  auto Before = Sample();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto After = Sample();
  if (!Before || !After || After->first <= Before->first)
    return std::nullopt;
  return 1 - (After->second - Before->second) / (After->first - Before->first);
}

std::vector<SpeedupSample> speedups(const std::map<unsigned, double> &Medians) {
  std::vector<SpeedupSample> Out;
  auto One = Medians.find(1);
  if (One == Medians.end())
    return Out;
  for (const auto &[Threads, Seconds] : Medians)
    Out.push_back({Threads, One->second / Seconds});
  return Out;
}

std::string fractionText(const std::optional<double> &S) {
  return S ? llvm::formatv("{0:f2}", *S).str() : std::string("-");
}

/// Measures one lesson and prints its table; false when the fast program
/// misses measure.expect_faster.
llvm::Expected<bool> measureLesson(CommandContext &Ctx, const Lesson &L,
                                   const SpeedupArgs &Args, const std::string &WorkDir) {
  llvm::Expected<TsanBuilder> Builder =
      TsanBuilder::withFlagsFile(Ctx.Tools, Ctx.Config, "perf.flags");
  if (!Builder)
    return Builder.takeError();
  std::string Binaries[2];
  for (Variant V : {Variant::Buggy, Variant::Fixed}) {
    BuildSpec B = lessonBuildSpec(L, V, joinPath({WorkDir, L.Topic, L.Name}));
    B.OutputName += "-perf";
    BuildResult Built = Builder->build(B);
    if (!Built.Ok)
      return llvm::createStringError("%s does not build:\n%s", B.Source.c_str(),
                                     Built.Diagnostics.c_str());
    Binaries[V == Variant::Buggy ? 0 : 1] = Built.Binary;
  }

  std::optional<double> Busy = cpuBusyFraction();
  Timings T;
  std::map<unsigned, std::optional<std::string>> Reference;
  for (unsigned Threads : L.Measure->Threads)
    for (unsigned Run = 0; Run < Args.Runs; ++Run)
      // Alternate which goes first, so neither always runs on a warmer
      // (or busier) machine.
      for (int Side : Run % 2 ? std::vector<int>{1, 0} : std::vector<int>{0, 1}) {
        llvm::Expected<double> Seconds =
            timeRun(L, Binaries[Side], Threads, Reference[Threads]);
        if (!Seconds)
          return Seconds.takeError();
        (Side ? T.Fast : T.Slow)[Threads].push_back(*Seconds);
      }

  std::map<unsigned, double> SlowMedian, FastMedian;
  for (const auto &[Threads, Times] : T.Slow)
    SlowMedian[Threads] = median(Times);
  for (const auto &[Threads, Times] : T.Fast)
    FastMedian[Threads] = median(Times);
  std::vector<SpeedupSample> SlowUp = speedups(SlowMedian), FastUp = speedups(FastMedian);
  // Amdahl's N is processors: more threads than cores measure time slicing,
  // not the serial fraction, so the fit leaves them out.
  unsigned Cores = std::max(1u, std::thread::hardware_concurrency());
  auto OnCores = [&](std::vector<SpeedupSample> Samples) {
    llvm::erase_if(Samples, [&](const SpeedupSample &P) { return P.Threads > Cores; });
    return Samples;
  };
  std::optional<double> SlowFit = fitSerialFraction(OnCores(SlowUp)),
                        FastFit = fitSerialFraction(OnCores(FastUp));

  llvm::raw_ostream &OS = llvm::outs();
  std::string SlowName = llvm::sys::path::filename(L.BuggySource).str();
  std::string FastName = llvm::sys::path::filename(L.FixedSource).str();
  OS << L.Id << " (median of " << Args.Runs << " runs each, alternating)\n";
  if (Busy && *Busy > 0.2)
    OS << llvm::formatv("  warning: other programs kept the CPUs {0:P0} busy just before "
                        "measuring; threads share the cores with them, so these speedups "
                        "understate what a quiet machine gives\n",
                        *Busy);
  OS << llvm::formatv("  {0,7}  {1,12}  {2,12}  {3,10}  {4,14}  {5,14}\n", "threads",
                      SlowName + " s", FastName + " s", "slow/fast", "speedup slow",
                      "speedup fast");
  double BestRatio = 0;
  for (unsigned Threads : L.Measure->Threads) {
    double S = SlowMedian[Threads], F = FastMedian[Threads];
    double Ratio = F > 0 ? S / F : 0;
    BestRatio = std::max(BestRatio, Ratio);
    auto Up = [&](const std::map<unsigned, double> &M) {
      return M.count(1) ? llvm::formatv("{0:f2}x", M.at(1) / M.at(Threads)).str()
                        : std::string("-");
    };
    OS << llvm::formatv("  {0,7}  {1,12:f3}  {2,12:f3}  {3,9:f2}x  {4,14}  {5,14}\n",
                        Threads, S, F, Ratio, Up(SlowMedian), Up(FastMedian));
  }
  OS << "  serial fraction (Amdahl fit on 1.." << Cores << " threads, the cores here): "
     << SlowName << " " << fractionText(SlowFit) << ", " << FastName << " "
     << fractionText(FastFit) << "\n";
  if (FastFit)
    OS << llvm::formatv("  predicted speedup of {0} on 8 cores: {1:f1}x, on 64: {2:f1}x\n",
                        FastName, amdahlSpeedup(*FastFit, 8), amdahlSpeedup(*FastFit, 64));

  if (!Args.SvgDir.empty()) {
    if (std::error_code EC = llvm::sys::fs::create_directories(Args.SvgDir))
      return llvm::createStringError(EC, "cannot create %s", Args.SvgDir.c_str());
    std::string Path = joinPath({Args.SvgDir, L.Topic + "-" + L.Name + ".svg"});
    if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &Svg) {
          Svg << speedupSvg(L.Title + ": speedup over one thread",
                            {{SlowName, SlowUp, SlowFit}, {FastName, FastUp, FastFit}});
          return llvm::Error::success();
        }))
      return std::move(E);
    OS << "  curve: " << Path << "\n";
  }

  bool Met = !L.Measure->ExpectFaster || BestRatio >= *L.Measure->ExpectFaster;
  if (L.Measure->ExpectFaster)
    OS << llvm::formatv("  {0}: {1} at its best is {2:f2}x as fast as {3}, expected at "
                        "least {4:f2}x\n",
                        Met ? "ok" : "SLOWER THAN EXPECTED", FastName, BestRatio, SlowName,
                        *L.Measure->ExpectFaster);
  OS << "\n";
  return Met;
}

} // namespace

int runSpeedupCommand(CommandContext &Ctx, const SpeedupArgs &Args) {
  auto Scratch = ScratchDir::create("racelab-speedup");
  if (!Scratch)
    return error(llvm::toString(Scratch.takeError()));
  std::vector<Lesson> Lessons;
  bool Failed = false;
  for (const std::string &Dir : expandLessonPaths(Args.LessonDirs)) {
    LessonLoadResult Loaded = loadLesson(Dir);
    if (!Loaded.Loaded) {
      llvm::errs() << formatDiagnostics(Loaded.Errors);
      Failed = true;
      continue;
    }
    if (Loaded.Loaded->Measure)
      Lessons.push_back(std::move(*Loaded.Loaded));
  }
  if (Failed)
    return ExitError;
  if (Lessons.empty())
    return error("no lesson with a 'measure' section under the given paths");
  unsigned Missed = 0;
  for (const Lesson &L : Lessons) {
    llvm::Expected<bool> Met = measureLesson(Ctx, L, Args, Scratch->path());
    if (!Met)
      return error(L.Id + ": " + llvm::toString(Met.takeError()));
    Missed += !*Met;
  }
  llvm::outs() << Lessons.size() << (Lessons.size() == 1 ? " lesson" : " lessons")
               << " measured, " << Missed
               << " slower than expected\n";
  return Missed ? ExitFindings : ExitClean;
}

} // namespace racelab
