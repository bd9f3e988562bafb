//===- Sandbox.cpp - Where untrusted submissions build and run ------------===//
//
// The isolation is done by tools built for it (util-linux's prlimit and
// setpriv, bubblewrap); this file only decides their arguments, probes once
// that bubblewrap works here, and gives the sandbox's uid the directories it
// must write.
//
//===----------------------------------------------------------------------===//
#include "Sandbox.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace racelab {
namespace {

/// Top-level system folders that merged-/usr systems keep as symlinks and
/// older ones as real folders; both are mirrored read-only.
const char *const SystemRoots[] = {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"};

/// Uids handed to sandboxes start here: far above any real account, and one
/// per grader process so that two graders running side by side never share
/// a process count.
constexpr int FirstSandboxUid = 200000;

/// Tasks (processes and threads: RLIMIT_NPROC counts both) that Uid owns now.
unsigned tasksOwnedBy(uid_t Uid) {
  unsigned Tasks = 0;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It("/proc", EC), End; It != End && !EC;
       It.increment(EC)) {
    unsigned Pid;
    if (llvm::sys::path::filename(It->path()).getAsInteger(10, Pid))
      continue;
    auto Status = llvm::MemoryBuffer::getFileAsStream(It->path() + "/status");
    if (!Status)
      continue;
    llvm::SmallVector<llvm::StringRef, 64> Lines;
    (*Status)->getBuffer().split(Lines, '\n');
    unsigned Owner = ~0u, Threads = 1;
    for (llvm::StringRef Line : Lines) {
      if (Line.consume_front("Uid:"))
        Line.trim().split('\t').first.getAsInteger(10, Owner);
      else if (Line.consume_front("Threads:"))
        Line.trim().getAsInteger(10, Threads);
    }
    if (Owner == Uid)
      Tasks += Threads;
  }
  return Tasks;
}

bool isUnder(llvm::StringRef Path, llvm::StringRef Dir) {
  return Path == Dir || (Path.starts_with(Dir) && Path.drop_front(Dir.size()).starts_with("/"));
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return P.str().str();
}

std::string firstLine(llvm::StringRef Text) {
  return Text.trim().split('\n').first.str();
}

} // namespace

llvm::Expected<Sandbox> Sandbox::create(SandboxPolicy Policy, SandboxMode Mode) {
  Sandbox S;
  S.Policy = std::move(Policy);
  S.Policy.ScratchDir = absolutePath(S.Policy.ScratchDir);
  auto Find = [](llvm::StringRef Name) -> std::string {
    auto Path = llvm::sys::findProgramByName(Name);
    return Path ? *Path : std::string();
  };
  S.Prlimit = Find("prlimit");
  if (S.Prlimit.empty())
    return llvm::createStringError("the grader's sandbox needs prlimit (Debian "
                                   "package util-linux), which is not on PATH");
  if (::geteuid() == 0) {
    S.Setpriv = Find("setpriv");
    if (S.Setpriv.empty())
      return llvm::createStringError("running as root, the grader's sandbox needs "
                                     "setpriv (util-linux) to drop to a uid of its "
                                     "own, and it is not on PATH");
    S.Uid = FirstSandboxUid + static_cast<int>(::getpid());
    S.ProcessLimit = S.Policy.Processes;
  } else {
    // RLIMIT_NPROC counts every task of the user, ours included; the
    // sandbox may add its own on top of what is already running.
    S.ProcessLimit = tasksOwnedBy(::getuid()) + S.Policy.Processes;
  }
  if (llvm::Error E = S.handOver(S.Policy.ScratchDir))
    return std::move(E);
  if (Mode == SandboxMode::LimitsOnly) {
    S.FallbackReason = "asked for with --sandbox=limits-only";
    return S;
  }

  std::string Bwrap = Find("bwrap");
  if (Bwrap.empty()) {
    S.FallbackReason = "bubblewrap (bwrap) is not installed";
  } else {
    // One trial run: containers that forbid user namespaces fail here, not
    // in the middle of grading.
    S.Bwrap = Bwrap;
    ProcessSpec Probe;
    Probe.Argv = {"true"};
    Probe.TimeoutSeconds = 20;
    S.wrap(Probe, {});
    ProcessResult R = runSupervised(Probe);
    if (!R.succeeded()) {
      S.Bwrap.clear();
      S.FallbackReason = "bubblewrap cannot create its namespaces here: " +
                         (R.Stderr.empty() ? R.describe() : firstLine(R.Stderr));
    }
  }
  if (!S.isolated() && Mode == SandboxMode::Bubblewrap)
    return llvm::createStringError("--sandbox=bubblewrap: " + S.FallbackReason);
  return S;
}

std::string Sandbox::describe() const {
  if (isolated())
    return "bubblewrap";
  return "limits-only (" + FallbackReason + ")";
}

llvm::Error Sandbox::handOver(const std::string &Dir) const {
  if (Uid < 0)
    return llvm::Error::success();
  if (::chown(Dir.c_str(), Uid, Uid) != 0)
    return llvm::createStringError("cannot hand " + Dir + " to the sandbox's uid " +
                                   std::to_string(Uid) + ": " + strerror(errno));
  return llvm::Error::success();
}

std::vector<std::string>
Sandbox::prefix(const std::vector<std::string> &WritableDirs,
                const std::string &WorkingDir) const {
  std::vector<std::string> Cmd{Prlimit, "--nproc=" + std::to_string(ProcessLimit),
                               "--fsize=" + std::to_string(Policy.FileBytes),
                               "--core=0", "--"};
  if (Uid >= 0)
    Cmd.insert(Cmd.end(), {Setpriv, "--reuid=" + std::to_string(Uid),
                           "--regid=" + std::to_string(Uid), "--clear-groups",
                           "--no-new-privs", "--"});
  if (!isolated())
    return Cmd;

  Cmd.insert(Cmd.end(), {Bwrap, "--unshare-all", "--die-with-parent",
                         "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"});
  for (const char *Root : SystemRoots) {
    llvm::SmallString<64> Target;
    if (!llvm::sys::fs::is_symlink_file(Root)) {
      if (llvm::sys::fs::is_directory(Root))
        Cmd.insert(Cmd.end(), {"--ro-bind", Root, Root});
    } else if (!llvm::sys::fs::real_path(Root, Target)) {
      // Keep the link relative, as the system has it ("usr/lib").
      Cmd.insert(Cmd.end(), {"--symlink", llvm::StringRef(Target).drop_front(1).str(), Root});
    }
  }
  Cmd.insert(Cmd.end(), {"--proc", "/proc", "--dev", "/dev",
                         // A private /tmp in memory: capped, since tmpfs
                         // pages count against no process's memory.
                         "--size", std::to_string(Policy.FileBytes), "--tmpfs", "/tmp",
                         "--bind", Policy.ScratchDir, Policy.ScratchDir});
  for (const std::string &W : WritableDirs)
    Cmd.insert(Cmd.end(), {"--bind", W, W});
  std::vector<std::string> Bound{"/usr", "/etc"};
  for (const std::string &R : Policy.ReadOnly)
    if (llvm::sys::fs::exists(R) && !isUnder(R, "/usr")) {
      Cmd.insert(Cmd.end(), {"--ro-bind", R, R});
      Bound.push_back(R);
    }
  for (const std::string &H : Policy.Hidden) {
    std::string Abs = absolutePath(H);
    if (llvm::any_of(Bound, [&](const std::string &B) { return isUnder(Abs, B); }))
      Cmd.insert(Cmd.end(), {"--tmpfs", Abs});
  }
  Cmd.insert(Cmd.end(), {"--chdir", WorkingDir, "--"});
  return Cmd;
}

void Sandbox::wrap(ProcessSpec &Spec, const std::vector<std::string> &WritableDirs) const {
  for (const std::string &W : WritableDirs)
    llvm::consumeError(handOver(W));
  std::string WorkingDir = Spec.WorkingDir.empty() ? Policy.ScratchDir : Spec.WorkingDir;
  std::vector<std::string> Argv = prefix(WritableDirs, WorkingDir);
  Argv.insert(Argv.end(), Spec.Argv.begin(), Spec.Argv.end());
  Spec.Argv = std::move(Argv);

  // A clean environment: nothing of the grader's (tokens, paths) leaks in;
  // only the sanitizer's options are passed through.
  std::vector<std::string> Env{"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8",
                               "HOME=" + Policy.ScratchDir,
                               "TMPDIR=" + (isolated() ? std::string("/tmp")
                                                       : Policy.ScratchDir)};
  std::vector<std::string> From =
      Spec.Env ? *Spec.Env : environmentWith({});
  for (const std::string &E : From)
    if (llvm::StringRef(E).starts_with("TSAN_OPTIONS="))
      Env.push_back(E);
  Spec.Env = std::move(Env);
  // The chdir happens inside; the sandbox tools start from the scratch
  // directory, which exists outside too.
  Spec.WorkingDir = Policy.ScratchDir;
}

Launcher Sandbox::launcher() const {
  return [this](ProcessSpec &Spec, const std::vector<std::string> &WritableDirs) {
    wrap(Spec, WritableDirs);
  };
}

} // namespace racelab
