//===- Toolchain.cpp - Where racelab finds its compiler and data ----------===//
#include "Toolchain.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cstdlib>

namespace racelab {
namespace {

std::string fromEnv(const char *Name) {
  const char *V = std::getenv(Name);
  return V ? std::string(V) : std::string();
}

std::string findProgram(llvm::ArrayRef<llvm::StringRef> Names) {
  for (llvm::StringRef Name : Names) {
    if (Name.contains('/')) {
      if (llvm::sys::fs::can_execute(Name))
        return Name.str();
      continue;
    }
    if (auto Found = llvm::sys::findProgramByName(Name))
      return *Found;
  }
  return {};
}

bool isDataDir(llvm::StringRef Dir) {
  llvm::SmallString<256> Flags(Dir);
  llvm::sys::path::append(Flags, "sanitizers", "tsan.flags");
  return !Dir.empty() && llvm::sys::fs::exists(Flags);
}

} // namespace

std::string Toolchain::sanitizersDir() const {
  llvm::SmallString<256> P(DataDir);
  llvm::sys::path::append(P, "sanitizers");
  return P.str().str();
}

std::string Toolchain::supportIncludeDir() const {
  llvm::SmallString<256> P(DataDir);
  llvm::sys::path::append(P, "samples", "include");
  return P.str().str();
}

llvm::Expected<Toolchain> Toolchain::discover(const char *Argv0,
                                              const std::string &CxxOverride,
                                              bool UseCcache) {
  Toolchain T;
  std::string Wanted = !CxxOverride.empty() ? CxxOverride : fromEnv("RACELAB_CXX");
  T.Cxx = Wanted.empty() ? findProgram({RACELAB_DEFAULT_CXX, "clang++-19", "clang++"})
                         : findProgram({Wanted});
  if (T.Cxx.empty())
    return llvm::createStringError(
        "no C++ compiler found%s%s; install clang-19 (ci/install-deps.sh)",
        Wanted.empty() ? "" : " at ", Wanted.c_str());
  // The C driver sits next to the C++ one: clang++-19 -> clang-19.
  llvm::SmallString<256> Cc(T.Cxx);
  llvm::StringRef Name = llvm::sys::path::filename(T.Cxx);
  if (size_t Pos = Name.find("clang++"); Pos != llvm::StringRef::npos) {
    std::string CName = Name.str();
    CName.replace(Pos, 7, "clang");
    llvm::sys::path::remove_filename(Cc);
    llvm::sys::path::append(Cc, CName);
  }
  T.Cc = llvm::sys::fs::can_execute(Cc) ? Cc.str().str() : T.Cxx;

  if (UseCcache && fromEnv("RACELAB_NO_CCACHE").empty())
    T.Ccache = findProgram({"ccache"});
  T.Symbolizer = findProgram({RACELAB_DEFAULT_SYMBOLIZER, "llvm-symbolizer-19",
                              "llvm-symbolizer"});
  // gdb captures the stacks of hung runs; RACELAB_GDB names another one, or
  // "none" to do without (the capture then relies on /proc). One named but
  // not found is kept as given, so the capture says it cannot run it.
  std::string Gdb = fromEnv("RACELAB_GDB");
  if (Gdb != "none") {
    T.Gdb = findProgram({Gdb.empty() ? llvm::StringRef("gdb") : llvm::StringRef(Gdb)});
    if (T.Gdb.empty())
      T.Gdb = Gdb;
  }

  // valgrind runs Helgrind and DRD for `racelab matrix`; RACELAB_VALGRIND
  // names another one, or "none" to leave those columns out.
  std::string Valgrind = fromEnv("RACELAB_VALGRIND");
  if (Valgrind != "none")
    T.Valgrind = findProgram({Valgrind.empty() ? llvm::StringRef("valgrind")
                                               : llvm::StringRef(Valgrind)});

  // racecheck sits next to racelab, in build/bin or an install's bin/.
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&Toolchain::discover));
  if (std::string Env = fromEnv("RACELAB_RACECHECK"); !Env.empty()) {
    T.Racecheck = findProgram({Env});
  } else if (!Exe.empty()) {
    llvm::SmallString<256> Sibling(llvm::sys::path::parent_path(Exe));
    llvm::sys::path::append(Sibling, "racecheck");
    if (llvm::sys::fs::can_execute(Sibling))
      T.Racecheck = Sibling.str().str();
  }
  if (T.Racecheck.empty())
    T.Racecheck = findProgram({RACELAB_DEFAULT_RACECHECK, "racecheck"});

  // Data: $RACELAB_DATA_DIR, the installed share/racelab next to bin/, then
  // the source tree racelab was built from.
  std::vector<std::string> Candidates;
  if (std::string Env = fromEnv("RACELAB_DATA_DIR"); !Env.empty())
    Candidates.push_back(Env);
  if (!Exe.empty()) {
    llvm::SmallString<256> Share(llvm::sys::path::parent_path(
        llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(Share, "share", "racelab");
    Candidates.push_back(Share.str().str());
  }
  Candidates.push_back(RACELAB_SOURCE_DIR);
  for (const std::string &C : Candidates)
    if (isDataDir(C)) {
      T.DataDir = C;
      break;
    }
  if (T.DataDir.empty())
    return llvm::createStringError(
        "cannot find racelab's data files (sanitizers/tsan.flags); set "
        "RACELAB_DATA_DIR to the repository or install prefix share/racelab");
  return T;
}

llvm::Expected<std::vector<std::string>> readListFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.c_str(),
                                   Buffer.getError().message().c_str());
  std::vector<std::string> Items;
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.empty() || Line.starts_with("#"))
      continue;
    Items.push_back(Line.str());
  }
  return Items;
}

llvm::Expected<SanitizerConfig> SanitizerConfig::load(const std::string &Dir) {
  SanitizerConfig C;
  llvm::SmallString<256> Flags(Dir), Options(Dir);
  llvm::sys::path::append(Flags, "tsan.flags");
  llvm::sys::path::append(Options, "tsan.options");
  auto F = readListFile(Flags.str().str());
  if (!F)
    return F.takeError();
  auto O = readListFile(Options.str().str());
  if (!O)
    return O.takeError();
  C.CompileFlags = std::move(*F);
  C.RuntimeOptions = std::move(*O);
  for (const std::string &Opt : C.RuntimeOptions)
    if (llvm::StringRef(Opt).find('=') == llvm::StringRef::npos)
      return llvm::createStringError("%s: '%s' is not a name=value option",
                                     Options.c_str(), Opt.c_str());
  return C;
}

} // namespace racelab
