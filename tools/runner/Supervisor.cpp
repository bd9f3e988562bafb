//===- Supervisor.cpp - Run a program under supervision -------------------===//
//
// posix_spawn starts the child as the leader of a new process group with the
// signal state reset; a pidfd tells us when it exits while we poll its pipes.
// Once it has exited (or the deadline passed) the whole group is killed
// before the child is reaped: the unreaped leader keeps the group id from
// being reused, so the kill cannot reach an unrelated process.
//
//===----------------------------------------------------------------------===//
#include "Supervisor.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace racelab {
namespace {

using Clock = std::chrono::steady_clock;

/// Closes a descriptor on scope exit.
class Fd {
public:
  Fd() = default;
  explicit Fd(int F) : F(F) {}
  Fd(Fd &&Other) noexcept : F(Other.F) { Other.F = -1; }
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
  ~Fd() { reset(); }
  int get() const { return F; }
  void reset(int New = -1) {
    if (F >= 0)
      ::close(F);
    F = New;
  }

private:
  int F = -1;
};

/// One captured stream with its cap.
struct Capture {
  Fd Pipe;
  std::string *Out;
  bool *Truncated;
  size_t Limit;
  bool Open = true;
  bool StopAtLimit = false;

  bool overLimit() const { return StopAtLimit && *Truncated; }

  /// Reads what is available; returns false at end of file.
  bool readSome() {
    char Buf[65536];
    ssize_t N = ::read(Pipe.get(), Buf, sizeof Buf);
    if (N < 0)
      return errno == EINTR || errno == EAGAIN;
    if (N == 0)
      return false;
    size_t Room = Out->size() < Limit ? Limit - Out->size() : 0;
    size_t Keep = std::min(Room, static_cast<size_t>(N));
    Out->append(Buf, Keep);
    if (Keep < static_cast<size_t>(N))
      *Truncated = true;
    return true;
  }
};

std::vector<char *> cStrings(const std::vector<std::string> &Strings) {
  std::vector<char *> Result;
  for (const std::string &S : Strings)
    Result.push_back(const_cast<char *>(S.c_str()));
  Result.push_back(nullptr);
  return Result;
}

Clock::duration seconds(double S) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(S));
}

double secondsSince(Clock::time_point Start) {
  return std::chrono::duration<double>(Clock::now() - Start).count();
}

/// Resident memory, in kB, of Root and every process below it, read from
/// /proc (a process that double-forked inside a pid namespace is still
/// below the namespace's init, so a sandboxed tree cannot hide from it).
long treeRssKb(pid_t Root) {
  std::map<pid_t, std::vector<pid_t>> Children;
  std::map<pid_t, long> RssPages;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It("/proc", EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    pid_t Pid;
    if (Name.getAsInteger(10, Pid))
      continue;
    auto Stat = llvm::MemoryBuffer::getFileAsStream(It->path() + "/stat");
    if (!Stat)
      continue;
    // "pid (comm) state ppid ..." where comm may hold spaces and ')'.
    llvm::StringRef Text = (*Stat)->getBuffer();
    size_t Close = Text.rfind(')');
    if (Close == llvm::StringRef::npos)
      continue;
    llvm::SmallVector<llvm::StringRef, 48> Fields;
    Text.drop_front(Close + 2).split(Fields, ' ');
    // After comm: state(0) ppid(1) ... rss(21).
    pid_t Parent;
    long Pages;
    if (Fields.size() < 22 || Fields[1].getAsInteger(10, Parent) ||
        Fields[21].getAsInteger(10, Pages))
      continue;
    Children[Parent].push_back(Pid);
    RssPages[Pid] = Pages;
  }
  long Total = 0;
  std::vector<pid_t> Todo{Root};
  while (!Todo.empty()) {
    pid_t P = Todo.back();
    Todo.pop_back();
    Total += RssPages[P];
    for (pid_t C : Children[P])
      Todo.push_back(C);
  }
  return Total * (::sysconf(_SC_PAGESIZE) / 1024);
}

enum class PumpEnd { Exited, Deadline, Stopped };

/// Polls the open captures (and the pidfd, if given) until Deadline, until
/// the child exits, or until Tick (called at least every TickMs) or a
/// capture over its hard limit asks to stop.
PumpEnd pump(std::vector<Capture *> &Captures, int PidFd,
             Clock::time_point Deadline,
             const std::function<bool()> &Tick = nullptr, int TickMs = 1000) {
  while (true) {
    std::vector<pollfd> Fds;
    std::vector<Capture *> Owners;
    for (Capture *C : Captures)
      if (C->Open) {
        Fds.push_back({C->Pipe.get(), POLLIN, 0});
        Owners.push_back(C);
      }
    if (PidFd >= 0)
      Fds.push_back({PidFd, POLLIN, 0});
    if (Fds.empty())
      return PumpEnd::Deadline;
    // Round up: waking a fraction of a millisecond early would end a
    // timeout before it expired.
    auto Left = std::chrono::ceil<std::chrono::milliseconds>(Deadline - Clock::now());
    if (Clock::now() >= Deadline)
      return PumpEnd::Deadline;
    int Ready = ::poll(Fds.data(), Fds.size(),
                       static_cast<int>(std::min<long long>(Left.count(), TickMs)));
    if (Ready < 0 && errno != EINTR)
      return PumpEnd::Deadline;
    for (size_t I = 0; I < Owners.size(); ++I)
      if (Fds[I].revents & (POLLIN | POLLHUP | POLLERR)) {
        if (!Owners[I]->readSome())
          Owners[I]->Open = false;
        if (Owners[I]->overLimit())
          return PumpEnd::Stopped;
      }
    if (PidFd >= 0 && (Fds.back().revents & POLLIN))
      return PumpEnd::Exited;
    if (Tick && !Tick())
      return PumpEnd::Stopped;
  }
}

} // namespace

std::string ProcessResult::describe() const {
  switch (Kind) {
  case ExitKind::Exited:
    return "exit code " + std::to_string(ExitCode);
  case ExitKind::Signaled: {
    const char *Name = sigabbrev_np(Signal);
    return std::string("killed by ") +
           (Name ? "SIG" + std::string(Name) : "signal " + std::to_string(Signal));
  }
  case ExitKind::TimedOut: {
    char Buf[32];
    snprintf(Buf, sizeof Buf, "%.3g", WallSeconds);
    return std::string("timed out after ") + Buf + " s";
  }
  case ExitKind::LimitExceeded:
    return Limit == "memory" ? "killed over the memory limit"
                             : "killed over the " + Limit + " limit";
  case ExitKind::FailedToStart:
    return "failed to start: " + Error;
  }
  return "unknown";
}

std::vector<std::string> environmentWith(const std::vector<std::string> &Extra,
                                         const std::vector<std::string> &Drop) {
  std::vector<std::string> Env;
  for (char **E = environ; E && *E; ++E) {
    llvm::StringRef Entry(*E);
    llvm::StringRef Name = Entry.split('=').first;
    bool Dropped = false;
    for (const std::string &D : Drop)
      Dropped |= Name == D;
    for (const std::string &X : Extra)
      Dropped |= Name == llvm::StringRef(X).split('=').first;
    if (!Dropped)
      Env.push_back(Entry.str());
  }
  Env.insert(Env.end(), Extra.begin(), Extra.end());
  return Env;
}

ProcessResult runSupervised(const ProcessSpec &Spec) {
  ProcessResult Result;
  if (Spec.Argv.empty()) {
    Result.Error = "no program given";
    return Result;
  }

  int OutPipe[2], ErrPipe[2];
  if (::pipe2(OutPipe, O_CLOEXEC) != 0) {
    Result.Error = std::string("pipe: ") + strerror(errno);
    return Result;
  }
  Fd OutRead(OutPipe[0]), OutWrite(OutPipe[1]);
  if (::pipe2(ErrPipe, O_CLOEXEC) != 0) {
    Result.Error = std::string("pipe: ") + strerror(errno);
    return Result;
  }
  Fd ErrRead(ErrPipe[0]), ErrWrite(ErrPipe[1]);

  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_addopen(&Actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&Actions, OutWrite.get(), 1);
  posix_spawn_file_actions_adddup2(&Actions, ErrWrite.get(), 2);
  if (!Spec.WorkingDir.empty())
    posix_spawn_file_actions_addchdir_np(&Actions, Spec.WorkingDir.c_str());

  // A new process group, default dispositions for every signal and an empty
  // mask: the program must not inherit that we ignore SIGPIPE, say.
  posix_spawnattr_t Attr;
  posix_spawnattr_init(&Attr);
  sigset_t All, None;
  sigfillset(&All);
  sigemptyset(&None);
  posix_spawnattr_setsigdefault(&Attr, &All);
  posix_spawnattr_setsigmask(&Attr, &None);
  posix_spawnattr_setpgroup(&Attr, 0);
  posix_spawnattr_setflags(&Attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                                      POSIX_SPAWN_SETSIGMASK);

  std::vector<char *> Argv = cStrings(Spec.Argv);
  std::vector<std::string> EnvStorage;
  std::vector<char *> Envp;
  char **EnvPtr = environ;
  if (Spec.Env) {
    Envp = cStrings(*Spec.Env);
    EnvPtr = Envp.data();
  }

  pid_t Pid = -1;
  bool Search = Spec.Argv[0].find('/') == std::string::npos;
  Clock::time_point Start = Clock::now();
  int Err = Search ? posix_spawnp(&Pid, Argv[0], &Actions, &Attr, Argv.data(), EnvPtr)
                   : posix_spawn(&Pid, Argv[0], &Actions, &Attr, Argv.data(), EnvPtr);
  posix_spawn_file_actions_destroy(&Actions);
  posix_spawnattr_destroy(&Attr);
  if (Err != 0) {
    Result.Error = Spec.Argv[0] + ": " + strerror(Err);
    return Result;
  }
  OutWrite.reset();
  ErrWrite.reset();

  // Through syscall(): glibc 2.36's <sys/pidfd.h> lacks C++ linkage.
  Fd PidFd(static_cast<int>(::syscall(SYS_pidfd_open, Pid, 0)));
  Capture Out{std::move(OutRead), &Result.Stdout, &Result.StdoutTruncated,
              Spec.OutputLimitBytes};
  Capture ErrCap{std::move(ErrRead), &Result.Stderr, &Result.StderrTruncated,
                 Spec.OutputLimitBytes};
  Out.StopAtLimit = ErrCap.StopAtLimit = Spec.KillAtOutputLimit;
  std::vector<Capture *> Captures{&Out, &ErrCap};

  bool MemoryHit = false;
  std::function<bool()> Tick;
  if (Spec.MemoryLimitBytes)
    Tick = [&] {
      long Kb = treeRssKb(Pid);
      Result.TreePeakRssKb = std::max(Result.TreePeakRssKb, Kb);
      MemoryHit = static_cast<size_t>(Kb) * 1024 > Spec.MemoryLimitBytes;
      return !MemoryHit;
    };

  auto Deadline = Start + seconds(Spec.TimeoutSeconds);
  bool Exited = false, Stopped = false;
  if (PidFd.get() >= 0) {
    PumpEnd End = pump(Captures, PidFd.get(), Deadline, Tick, Tick ? 50 : 1000);
    Exited = End == PumpEnd::Exited;
    Stopped = End == PumpEnd::Stopped;
  } else {
    // No pidfd (old kernel): poll for the exit without reaping it.
    while (Clock::now() < Deadline) {
      siginfo_t Info{};
      if (::waitid(P_PID, Pid, &Info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
          Info.si_pid == Pid) {
        Exited = true;
        break;
      }
      if (Out.Open || ErrCap.Open)
        pump(Captures, -1,
             std::min(Deadline, Clock::now() + std::chrono::milliseconds(20)));
      else
        ::usleep(20000);
    }
  }
  Result.WallSeconds = secondsSince(Start);

  bool TimedOut = !Exited && !Stopped;
  if (TimedOut && Spec.BeforeKill)
    Spec.BeforeKill(Pid);
  // The leader is not reaped yet, so Pid still names our group.
  ::kill(-Pid, SIGKILL);

  pump(Captures, -1, Clock::now() + seconds(Spec.DrainSeconds));

  int Status = 0;
  rusage Usage{};
  while (::wait4(Pid, &Status, 0, &Usage) < 0 && errno == EINTR) {
  }
  Result.PeakRssKb = Usage.ru_maxrss;
  if (TimedOut) {
    Result.Kind = ExitKind::TimedOut;
    Result.Signal = SIGKILL;
  } else if (Stopped) {
    Result.Kind = ExitKind::LimitExceeded;
    Result.Signal = SIGKILL;
    Result.Limit = MemoryHit ? "memory" : "output";
  } else if (WIFEXITED(Status)) {
    Result.Kind = ExitKind::Exited;
    Result.ExitCode = WEXITSTATUS(Status);
  } else if (WIFSIGNALED(Status)) {
    Result.Kind = ExitKind::Signaled;
    Result.Signal = WTERMSIG(Status);
  }
  return Result;
}

} // namespace racelab
