//===- HangCapture.cpp - What a hung program was doing --------------------===//
//
// gdb runs under the same supervisor as the program, in a process group of
// its own, with what is left of the budget as its timeout: a gdb that hangs
// is killed with its group, which also ends its ptrace attachment, so the
// kill of the program that follows always works. The lock words are read
// through /proc/<pid>/mem after gdb has detached rather than by gdb itself:
// which locks to read depends on the stacks, so gdb would need a second
// attach (a second ~0.3 s), and the memory is the same since the program's
// threads are blocked.
//
// ptrace permissions: gdb is a sibling of the program, not its ancestor, so
// with the Yama LSM at kernel.yama.ptrace_scope=1 (Debian's and Ubuntu's
// default) an unprivileged gdb may not attach, and at 2 only a process with
// CAP_SYS_PTRACE may; root may at 0-2, nobody at 3. Containers often drop
// CAP_SYS_PTRACE or filter ptrace with seccomp. In all those cases the
// capture says why in its problem sentence and falls back to /proc. Reading
// /proc/<pid>/mem needs the same right, but racelab is the program's parent,
// which Yama's scope 1 allows.
//
//===----------------------------------------------------------------------===//
#include "HangCapture.h"

#include "HangAnalysis.h"
#include "Supervisor.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <chrono>
#include <fcntl.h>
#include <unistd.h>

namespace racelab {
namespace {

using Clock = std::chrono::steady_clock;

/// gdb output beyond this is dropped (a hundred threads of a hundred frames
/// fit easily).
constexpr size_t TranscriptLimit = 8 << 20;
/// Lock objects read per capture; a program with more waiters than this has
/// more to show than one screen anyway.
constexpr size_t MaxObjectsRead = 64;
/// Once gdb is killed its pipes close at once; only a process that escaped
/// its group could hold them open, and the budget is too short to wait.
constexpr double GdbDrainSeconds = 0.1;

/// A small file of /proc, trimmed; empty when it cannot be read.
std::string readSmallFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFileAsStream(Path);
  if (!Buffer)
    return {};
  return (*Buffer)->getBuffer().trim().str();
}

/// "1234 (name) S 1 1234 ..." -> comm, state and process group. The name
/// may itself hold spaces and parentheses, so it ends at the last ')'.
bool parseStat(llvm::StringRef Stat, std::string &Comm, char &State, long &Group) {
  size_t Open = Stat.find('(');
  size_t Close = Stat.rfind(')');
  if (Open == llvm::StringRef::npos || Close == llvm::StringRef::npos || Close < Open)
    return false;
  Comm = Stat.slice(Open + 1, Close).str();
  llvm::SmallVector<llvm::StringRef, 8> Fields;
  Stat.drop_front(Close + 1).split(Fields, ' ', 4, false);
  if (Fields.size() < 3 || Fields[0].size() != 1)
    return false;
  State = Fields[0][0];
  return !Fields[2].getAsInteger(10, Group);
}

std::vector<pid_t> numericEntries(const std::string &Dir) {
  std::vector<pid_t> Ids;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    pid_t Id = 0;
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (!Name.getAsInteger(10, Id))
      Ids.push_back(Id);
  }
  llvm::sort(Ids);
  return Ids;
}

ProcThread readProcThread(pid_t Pid, pid_t Tid) {
  ProcThread T;
  T.Pid = Pid;
  T.Tid = Tid;
  std::string Base =
      "/proc/" + std::to_string(Pid) + "/task/" + std::to_string(Tid) + "/";
  long Group = 0;
  parseStat(readSmallFile(Base + "stat"), T.Comm, T.State, Group);
  T.Wchan = readSmallFile(Base + "wchan");
  if (T.Wchan == "0")
    T.Wchan.clear();
  // "202 0x55b0... 0x80 0x2 0x0 0x0 0x0 sp pc", "running", or "-1 sp pc".
  llvm::SmallVector<llvm::StringRef, 9> Fields;
  std::string Syscall = readSmallFile(Base + "syscall");
  llvm::StringRef(Syscall).split(Fields, ' ', -1, false);
  if (Fields.size() >= 7 && !Fields[0].getAsInteger(10, T.Syscall)) {
    for (size_t I = 1; I < 7; ++I) {
      uint64_t V = 0;
      llvm::StringRef F = Fields[I];
      F.consume_front("0x");
      T.SyscallArgs.push_back(F.getAsInteger(16, V) ? 0 : V);
    }
  } else {
    T.Syscall = -1;
  }
  return T;
}

/// Why gdb may not attach on this machine, for the message (see the file
/// comment).
std::string ptraceHint() {
  std::string Scope = readSmallFile("/proc/sys/kernel/yama/ptrace_scope");
  if (Scope == "3")
    return " (kernel.yama.ptrace_scope is 3: ptrace is off until reboot)";
  if ((Scope == "1" || Scope == "2") && ::geteuid() != 0)
    return " (kernel.yama.ptrace_scope is " + Scope +
           ": gdb is not the program's ancestor; run racelab as root, give "
           "gdb CAP_SYS_PTRACE, or set the scope to 0)";
  return " (the kernel or a container's seccomp profile forbids ptrace; in "
         "Docker, run with --cap-add=SYS_PTRACE)";
}

/// Runs gdb against Pid for at most Seconds; fills Transcript and returns
/// the problem, if any, as a sentence.
std::string runGdb(const std::string &Gdb, pid_t Pid, double Seconds,
                   GdbTranscript &Transcript) {
  if (Seconds <= 0)
    return "no time was left for gdb";
  ProcessSpec P;
  P.Argv.push_back(Gdb);
  llvm::append_range(P.Argv, gdbStackArguments(Pid));
  P.TimeoutSeconds = Seconds;
  P.OutputLimitBytes = TranscriptLimit;
  P.DrainSeconds = GdbDrainSeconds;
  ProcessResult R = runSupervised(P);
  if (R.Kind == ExitKind::FailedToStart)
    return "cannot run gdb: " + R.Error;
  Transcript = parseGdbTranscript(R.Stdout + "\n" + R.Stderr);
  if (!Transcript.AttachError.empty())
    return "gdb could not attach: " + Transcript.AttachError + ptraceHint();
  if (R.Kind == ExitKind::TimedOut)
    return llvm::formatv("gdb did not finish within {0:f1} s and was stopped", Seconds)
        .str();
  if (Transcript.Threads.empty()) {
    // gdb's last words usually say what went wrong.
    llvm::StringRef Last = llvm::StringRef(R.Stderr).trim();
    if (Last.empty())
      Last = llvm::StringRef(R.Stdout).trim();
    if (size_t Newline = Last.rfind('\n'); Newline != llvm::StringRef::npos)
      Last = Last.drop_front(Newline + 1);
    return "gdb printed no stacks (" + R.describe() + ")" +
           (Last.empty() ? "" : ": " + Last.str());
  }
  return {};
}

/// The first LockWordsPerObject words at each address, through the
/// program's /proc/<pid>/mem; unreadable addresses are left out.
std::map<uint64_t, std::vector<int32_t>>
readLockWords(pid_t Pid, const std::vector<uint64_t> &Addresses) {
  std::map<uint64_t, std::vector<int32_t>> Words;
  std::string Path = "/proc/" + std::to_string(Pid) + "/mem";
  int Fd = ::open(Path.c_str(), O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return Words;
  for (uint64_t A : llvm::ArrayRef(Addresses).take_front(MaxObjectsRead)) {
    int32_t Buf[LockWordsPerObject];
    if (::pread(Fd, Buf, sizeof Buf, static_cast<off_t>(A)) ==
        static_cast<ssize_t>(sizeof Buf))
      Words[A].assign(std::begin(Buf), std::end(Buf));
  }
  ::close(Fd);
  return Words;
}

} // namespace

std::string syscallName(long Number) {
  // x86-64 numbers of the calls a hung thread is typically found in.
  switch (Number) {
  case 0:
    return "read";
  case 1:
    return "write";
  case 7:
    return "poll";
  case 23:
    return "select";
  case 35:
    return "nanosleep";
  case 43:
    return "accept";
  case 45:
    return "recvfrom";
  case 61:
    return "wait4";
  case 202:
    return "futex";
  case 230:
    return "clock_nanosleep";
  case 232:
    return "epoll_wait";
  case 247:
    return "waitid";
  case 270:
    return "pselect6";
  case 271:
    return "ppoll";
  case 281:
    return "epoll_pwait";
  case 288:
    return "accept4";
  case 449:
    return "futex_waitv";
  default:
    return "syscall " + std::to_string(Number);
  }
}

std::vector<ProcThread> readProcThreads(pid_t Group) {
  std::vector<ProcThread> Threads;
  for (pid_t Pid : numericEntries("/proc")) {
    std::string Comm;
    char State = '?';
    long PGroup = 0;
    if (!parseStat(readSmallFile("/proc/" + std::to_string(Pid) + "/stat"), Comm, State,
                   PGroup) ||
        PGroup != Group)
      continue;
    for (pid_t Tid : numericEntries("/proc/" + std::to_string(Pid) + "/task"))
      Threads.push_back(readProcThread(Pid, Tid));
  }
  return Threads;
}

HangCapture captureHang(pid_t Group, const HangCaptureOptions &Options) {
  auto Start = Clock::now();
  HangCapture C;
  // From here on the capture is about the program's process; the group may
  // also hold the sandbox's own processes, which are not the student's.
  pid_t Program = Options.Program ? Options.Program : Group;
  C.Group = Program;
  C.Proc = readProcThreads(Group);
  if (Options.Program)
    llvm::erase_if(C.Proc, [&](const ProcThread &T) { return T.Pid != Program; });
  Group = Program;

  std::string Problem;
  if (Options.Gdb.empty()) {
    Problem = "no gdb to ask (ci/install-deps.sh installs it; RACELAB_GDB "
              "names another one)";
  } else {
    double Left = Options.BudgetSeconds -
                  std::chrono::duration<double>(Clock::now() - Start).count();
    Problem = runGdb(Options.Gdb, Group, Left, C.Gdb);
  }
  C.StacksAvailable = !C.Gdb.Threads.empty();
  C.LockWords =
      readLockWords(Group, C.StacksAvailable ? lockObjectsToRead(C.Gdb)
                                             : lockObjectsToRead(C.Proc, Group));
  if (C.StacksAvailable && !C.Gdb.StacksComplete)
    Problem += (Problem.empty() ? "" : "; ") + std::string("the stacks are incomplete");
  C.StacksProblem = Problem;
  C.Seconds = std::chrono::duration<double>(Clock::now() - Start).count();
  return C;
}

} // namespace racelab
