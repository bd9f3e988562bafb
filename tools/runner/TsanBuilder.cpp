//===- TsanBuilder.cpp - Build one source file under TSan -----------------===//
#include "TsanBuilder.h"

#include "Supervisor.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <chrono>

namespace racelab {
namespace {

/// A compiler that has not finished in this long is stuck, not slow.
constexpr double CompileTimeoutSeconds = 300;
/// Template errors can be enormous; the first part says what went wrong.
constexpr size_t DiagnosticsLimit = 64 * 1024;

/// The real path when the file exists: frames in TSan reports carry it, and
/// the report matcher compares real paths.
std::string absolute(const std::string &Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return Real.str().str();
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return P.str().str();
}

std::string messages(const ProcessResult &R) {
  std::string Text = R.Stderr;
  if (!R.Stdout.empty())
    Text = R.Stdout + Text;
  if (R.StderrTruncated || R.StdoutTruncated)
    Text += "\n[... compiler output truncated ...]\n";
  if (R.Kind != ExitKind::Exited)
    Text += "compiler " + R.describe() + "\n";
  return Text;
}

} // namespace

bool isCSource(const std::string &Path) {
  return llvm::StringRef(Path).ends_with(".c");
}

std::vector<std::string>
TsanBuilder::compileCommand(const std::string &Source,
                            const std::vector<std::string> &Extra,
                            const std::string &Object) const {
  bool IsC = isCSource(Source);
  std::vector<std::string> Cmd{IsC ? Tools.Cc : Tools.Cxx};
  Cmd.insert(Cmd.end(), Config.CompileFlags.begin(), Config.CompileFlags.end());
  Cmd.push_back(IsC ? "-std=gnu17" : "-std=c++20");
  Cmd.push_back("-I" + Tools.supportIncludeDir());
  Cmd.insert(Cmd.end(), Extra.begin(), Extra.end());
  Cmd.insert(Cmd.end(), {"-c", absolute(Source), "-o", Object});
  return Cmd;
}

llvm::Expected<TsanBuilder> TsanBuilder::withFlagsFile(const Toolchain &Tools,
                                                       SanitizerConfig Config,
                                                       llvm::StringRef FlagsFile) {
  llvm::SmallString<256> Path(Tools.sanitizersDir());
  llvm::sys::path::append(Path, FlagsFile);
  llvm::Expected<std::vector<std::string>> Flags = readListFile(Path.str().str());
  if (!Flags)
    return Flags.takeError();
  Config.CompileFlags = std::move(*Flags);
  return TsanBuilder(Tools, std::move(Config));
}

BuildResult TsanBuilder::build(const BuildSpec &Spec) const {
  BuildResult Result;
  auto Start = std::chrono::steady_clock::now();
  auto Finish = [&] {
    Result.Seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    return Result;
  };
  if (!llvm::sys::fs::exists(Spec.Source)) {
    Result.Diagnostics = Spec.Source + ": no such file\n";
    return Finish();
  }
  if (std::error_code EC = llvm::sys::fs::create_directories(Spec.OutputDir)) {
    Result.Diagnostics = "cannot create " + Spec.OutputDir + ": " + EC.message();
    return Finish();
  }
  llvm::SmallString<256> Object(Spec.OutputDir), Binary(Spec.OutputDir);
  llvm::sys::path::append(Object, Spec.OutputName + ".o");
  llvm::sys::path::append(Binary, Spec.OutputName);

  // The absolute source path goes into the debug info, so TSan's frames name
  // the file exactly as the report matcher expects it.
  ProcessSpec Compile;
  Compile.Argv = compileCommand(Spec.Source, Spec.ExtraFlags, Object.str().str());
  if (!Tools.Ccache.empty())
    Compile.Argv.insert(Compile.Argv.begin(), Tools.Ccache);
  Compile.TimeoutSeconds = Spec.TimeoutSeconds ? Spec.TimeoutSeconds : CompileTimeoutSeconds;
  Compile.OutputLimitBytes = DiagnosticsLimit;
  if (Spec.Launch)
    Spec.Launch(Compile, {Spec.OutputDir});
  ProcessResult Compiled = runSupervised(Compile);
  Result.Diagnostics = messages(Compiled);
  if (!Compiled.succeeded())
    return Finish();

  // Link with the same flags: -fsanitize=thread and -pthread pull in the
  // runtime; lesson flags may add libraries.
  ProcessSpec Link;
  Link.Argv = {isCSource(Spec.Source) ? Tools.Cc : Tools.Cxx};
  Link.Argv.insert(Link.Argv.end(), Config.CompileFlags.begin(),
                   Config.CompileFlags.end());
  Link.Argv.insert(Link.Argv.end(), Spec.ExtraFlags.begin(), Spec.ExtraFlags.end());
  Link.Argv.insert(Link.Argv.end(), {"-Wno-unused-command-line-argument",
                                     Object.str().str(), "-o", Binary.str().str()});
  Link.TimeoutSeconds = Spec.TimeoutSeconds ? Spec.TimeoutSeconds : CompileTimeoutSeconds;
  Link.OutputLimitBytes = DiagnosticsLimit;
  if (Spec.Launch)
    Spec.Launch(Link, {Spec.OutputDir});
  ProcessResult Linked = runSupervised(Link);
  Result.Diagnostics += messages(Linked);
  if (!Linked.succeeded())
    return Finish();

  Result.Ok = true;
  Result.Binary = Binary.str().str();
  return Finish();
}

} // namespace racelab
