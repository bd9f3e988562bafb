//===- ThreadTrace.cpp - Which threads of a submission did the work, when -===//
//
// The ptrace tracer and its /proc sampler, behind runThreadTrace and the
// hidden `racelab trace-threads` verb. The report's JSON form is in
// ThreadTraceReport.cpp, the concurrency rule that assesses it in
// ConcurrencyRule.cpp.
//
// The tracer uses PTRACE_SEIZE, so group-stops (PTRACE_EVENT_STOP with a
// stop signal) are told apart from signal-delivery-stops without guessing:
// the first are kept stopped with PTRACE_LISTEN, the second get their
// signal back with PTRACE_CONT. Only clone, fork, vfork, exec and exit stop
// a tracee; CPU time is sampled from /proc by a second thread.
//
//===----------------------------------------------------------------------===//
#include "ThreadTrace.h"
#include "ThreadTraceReport.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace racelab {

namespace {

constexpr int TraceFailed = 125;

/// The longest pause, in rounds, inside a thread's main stretch of work:
/// shorter ones are a lock taken, a page fault, a preemption; a thread
/// sleeping while another does a whole job pauses longer.
constexpr int64_t MaxPause = 5;

double monotonicNow() {
  timespec Ts;
  clock_gettime(CLOCK_MONOTONIC, &Ts);
  return Ts.tv_sec + Ts.tv_nsec / 1e9;
}

/// The name of the file a process runs, "" if it is gone or hidden.
std::string exeName(pid_t Pid) {
  char Buf[4096];
  std::string Link = "/proc/" + std::to_string(Pid) + "/exe";
  ssize_t N = readlink(Link.c_str(), Buf, sizeof(Buf) - 1);
  if (N <= 0)
    return "";
  StringRef Path(Buf, N);
  Path.consume_back(" (deleted)");
  return sys::path::filename(Path).str();
}

/// The thread group of a task, 0 if it is gone.
pid_t tgidOf(pid_t Tid) {
  std::ifstream Status("/proc/" + std::to_string(Tid) + "/status");
  std::string Line;
  while (std::getline(Status, Line)) {
    StringRef L(Line);
    if (L.consume_front("Tgid:")) {
      int Tgid = 0;
      if (!L.trim().getAsInteger(10, Tgid))
        return Tgid;
    }
  }
  return 0;
}

/// The first field of schedstat: the task's CPU time in nanoseconds. A
/// seq_file read at offset 0 regenerates its text, so one descriptor is
/// opened per thread and re-read.
bool readCpu(int Fd, uint64_t &Nanos) {
  char Buf[128];
  ssize_t N = pread(Fd, Buf, sizeof(Buf) - 1, 0);
  if (N <= 0)
    return false;
  Buf[N] = 0;
  char *End = nullptr;
  unsigned long long V = strtoull(Buf, &End, 10);
  if (End == Buf)
    return false;
  Nanos = V;
  return true;
}

/// Whether the task is running or waiting for a CPU (state R in stat): a
/// thread starved by a loaded machine still wants to work.
bool isRunnable(int Fd) {
  char Buf[512];
  ssize_t N = pread(Fd, Buf, sizeof(Buf) - 1, 0);
  if (N <= 0)
    return false;
  // The state follows the command name, which may itself hold ')'.
  StringRef Stat(Buf, N);
  size_t Paren = Stat.rfind(')');
  if (Paren == StringRef::npos)
    return false;
  return Stat.drop_front(Paren + 1).ltrim().starts_with("R");
}

std::string taskFile(pid_t Tgid, pid_t Tid, StringRef Name) {
  return "/proc/" + std::to_string(Tgid) + "/task/" + std::to_string(Tid) +
         "/" + Name.str();
}

bool isStopSignal(int Sig) {
  return Sig == SIGSTOP || Sig == SIGTSTP || Sig == SIGTTIN || Sig == SIGTTOU;
}

class Tracer {
public:
  explicit Tracer(std::string ProgramName)
      : ProgramName(std::move(ProgramName)) {}

  int run(const std::vector<std::string> &Argv, const std::string &Report);

private:
  struct LiveThread {
    size_t Record;
    int SchedstatFd;
    int StatFd;
    uint64_t Baseline;
    uint64_t LastCpu;
    /// The rounds in which the thread used CPU time or wanted to.
    std::vector<int64_t> Demand;
  };

  const std::string ProgramName;
  double T0 = 0; ///< The program's first exec; 0 until then.

  // Shared with the sampler thread.
  std::mutex M;
  ThreadTrace Trace;
  std::map<pid_t, LiveThread> Live;
  int64_t Round = 0;
  std::atomic<bool> Stop{false};

  // The tracing thread's own.
  std::map<pid_t, pid_t> TgidOf;   ///< Every task seen, to its process.
  std::set<pid_t> ProgramProcesses; ///< Processes that are the program now.
  pid_t Top = 0;

  void sample();
  void observe(LiveThread &L, int64_t AtRound, bool Final);
  void openThread(pid_t Tid, pid_t Tgid, bool Main);
  void closeThread(pid_t Tid);
  void adopt(pid_t Tid);
  void onExec(pid_t Pid, pid_t Former);
  void onGone(pid_t Tid);
  void resume(pid_t Tid, int Sig);
  /// Handles one waitpid result; true once the top process is gone.
  bool handle(pid_t Tid, int Status);
};

void Tracer::observe(LiveThread &L, int64_t AtRound, bool Final) {
  uint64_t Cpu;
  bool Progressed = L.SchedstatFd >= 0 && readCpu(L.SchedstatFd, Cpu) &&
                    Cpu > L.LastCpu;
  if (Progressed)
    L.LastCpu = Cpu;
  // At its exit the thread runs, so only what it used counts there.
  bool Wants = Progressed || (!Final && L.StatFd >= 0 && isRunnable(L.StatFd));
  if (Wants && (L.Demand.empty() || L.Demand.back() != AtRound))
    L.Demand.push_back(AtRound);
}

void Tracer::sample() {
  auto Period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(ThreadSamplePeriod));
  auto Next = std::chrono::steady_clock::now();
  while (!Stop.load()) {
    auto Began = std::chrono::steady_clock::now();
    {
      std::lock_guard<std::mutex> Lock(M);
      ++Round;
      for (auto &[Tid, L] : Live)
        observe(L, Round, /*Final=*/false);
    }
    auto Now = std::chrono::steady_clock::now();
    Next += Period;
    // Many threads make a round long: rounds are then spaced so that the
    // sampler takes at most about a tenth of a CPU. After a stall (a loaded
    // machine) the missed rounds are skipped, not sampled in a burst.
    Next = std::max({Next, Now, Now + 9 * (Now - Began)});
    std::this_thread::sleep_until(Next);
  }
}

void Tracer::openThread(pid_t Tid, pid_t Tgid, bool Main) {
  int SchedstatFd =
      open(taskFile(Tgid, Tid, "schedstat").c_str(), O_RDONLY | O_CLOEXEC);
  int StatFd = open(taskFile(Tgid, Tid, "stat").c_str(), O_RDONLY | O_CLOEXEC);
  uint64_t Cpu = 0;
  if (SchedstatFd >= 0)
    readCpu(SchedstatFd, Cpu);
  ThreadRecord R;
  R.Tid = Tid;
  R.Pid = Tgid;
  R.Main = Main;
  R.Start = monotonicNow() - T0;
  std::lock_guard<std::mutex> Lock(M);
  Trace.Threads.push_back(R);
  Live[Tid] = LiveThread{Trace.Threads.size() - 1, SchedstatFd, StatFd, Cpu,
                         Cpu, {}};
}

void Tracer::closeThread(pid_t Tid) {
  std::lock_guard<std::mutex> Lock(M);
  auto It = Live.find(Tid);
  if (It == Live.end())
    return;
  LiveThread &L = It->second;
  // The work done since the last round is seen now, between rounds: it
  // counts in the next one.
  observe(L, Round + 1, /*Final=*/true);
  ThreadRecord &R = Trace.Threads[L.Record];
  R.End = monotonicNow() - T0;
  R.CpuNanos = L.LastCpu - L.Baseline;
  if (!L.Demand.empty()) {
    R.ActiveFirst = L.Demand.front();
    R.ActiveLast = L.Demand.back();
    // The main stretch: the run of demand rounds, with pauses of up to
    // MaxPause rounds, that holds the most of them.
    size_t Best = 0, BestEnd = 1;
    for (size_t From = 0, To = 1; From < L.Demand.size(); From = To++) {
      while (To < L.Demand.size() &&
             L.Demand[To] - L.Demand[To - 1] <= MaxPause + 1)
        ++To;
      if (To - From > BestEnd - Best) {
        Best = From;
        BestEnd = To;
      }
    }
    R.WorkFrom = L.Demand[Best];
    R.WorkTo = L.Demand[BestEnd - 1];
  }
  for (int Fd : {L.SchedstatFd, L.StatFd})
    if (Fd >= 0)
      close(Fd);
  Live.erase(It);
}

/// First sight of a task, from its creator's event or its own first stop,
/// whichever the kernel reports first. A new thread cannot run before it
/// is resumed, so its start time is never late.
void Tracer::adopt(pid_t Tid) {
  if (TgidOf.count(Tid))
    return;
  pid_t Tgid = tgidOf(Tid);
  if (Tgid == 0) {
    TgidOf[Tid] = Tid;
    return;
  }
  TgidOf[Tid] = Tgid;
  if (Tgid != Tid) {
    if (ProgramProcesses.count(Tgid))
      openThread(Tid, Tgid, /*Main=*/false);
    return;
  }
  // A new process runs its parent's executable until it execs.
  if (T0 != 0 && exeName(Tid) == ProgramName) {
    ProgramProcesses.insert(Tid);
    ++Trace.ProgramProcesses;
    openThread(Tid, Tid, /*Main=*/true);
  }
}

void Tracer::onExec(pid_t Pid, pid_t Former) {
  // A non-leader thread that execs takes over the leader's tid; both old
  // threads are gone as the program they were.
  if (Former != Pid) {
    closeThread(Former);
    TgidOf.erase(Former);
  }
  closeThread(Pid);
  TgidOf[Pid] = Pid;
  if (exeName(Pid) != ProgramName) {
    ProgramProcesses.erase(Pid);
    return;
  }
  if (T0 == 0)
    T0 = monotonicNow();
  Trace.ProgramRan = true;
  // A program that re-execs itself (as TSan does to turn ASLR off) stays
  // one process.
  if (ProgramProcesses.insert(Pid).second)
    ++Trace.ProgramProcesses;
  openThread(Pid, Pid, /*Main=*/true);
}

void Tracer::onGone(pid_t Tid) {
  closeThread(Tid);
  auto It = TgidOf.find(Tid);
  if (It != TgidOf.end() && It->second == Tid)
    ProgramProcesses.erase(Tid);
  TgidOf.erase(Tid);
}

void Tracer::resume(pid_t Tid, int Sig) {
  // ESRCH: the tracee was killed meanwhile; its death is reported next.
  ptrace(PTRACE_CONT, Tid, nullptr, reinterpret_cast<void *>(intptr_t(Sig)));
}

bool Tracer::handle(pid_t Tid, int Status) {
  if (WIFEXITED(Status) || WIFSIGNALED(Status)) {
    onGone(Tid);
    if (Tid != Top)
      return false;
    Trace.ExitCode = WIFEXITED(Status) ? WEXITSTATUS(Status)
                                       : 128 + WTERMSIG(Status);
    return true;
  }
  if (!WIFSTOPPED(Status))
    return false;
  adopt(Tid);
  int Sig = WSTOPSIG(Status);
  int Event = Status >> 16;
  unsigned long Msg = 0;
  switch (Event) {
  case PTRACE_EVENT_CLONE:
  case PTRACE_EVENT_FORK:
  case PTRACE_EVENT_VFORK:
    if (ptrace(PTRACE_GETEVENTMSG, Tid, nullptr, &Msg) == 0)
      adopt(pid_t(Msg));
    resume(Tid, 0);
    return false;
  case PTRACE_EVENT_EXEC:
    if (ptrace(PTRACE_GETEVENTMSG, Tid, nullptr, &Msg) != 0)
      Msg = Tid;
    onExec(Tid, pid_t(Msg));
    resume(Tid, 0);
    return false;
  case PTRACE_EVENT_EXIT:
    closeThread(Tid);
    resume(Tid, 0);
    return false;
  case PTRACE_EVENT_STOP:
    // A group-stop stays a stop (until SIGCONT); the other event stops
    // (a new tracee's first stop) just go on.
    if (isStopSignal(Sig))
      ptrace(PTRACE_LISTEN, Tid, nullptr, nullptr);
    else
      resume(Tid, 0);
    return false;
  default:
    // Signal-delivery-stop: deliver the signal as if nobody were looking.
    resume(Tid, Event == 0 ? Sig : 0);
    return false;
  }
}

int Tracer::run(const std::vector<std::string> &Argv,
                const std::string &Report) {
  if (Argv.empty()) {
    errs() << "racelab trace-threads: no command to run\n";
    return TraceFailed;
  }
  std::vector<char *> CArgv;
  for (const std::string &A : Argv)
    CArgv.push_back(const_cast<char *>(A.c_str()));
  CArgv.push_back(nullptr);

  // The child waits on a pipe until it is seized, so it is traced before
  // its exec and no stop signal is needed to hold it.
  int Gate[2];
  if (pipe2(Gate, O_CLOEXEC) != 0) {
    errs() << "racelab trace-threads: pipe: " << strerror(errno) << "\n";
    return TraceFailed;
  }
  pid_t Pid = fork();
  if (Pid < 0) {
    errs() << "racelab trace-threads: fork: " << strerror(errno) << "\n";
    close(Gate[0]);
    close(Gate[1]);
    return TraceFailed;
  }
  if (Pid == 0) {
    close(Gate[1]);
    sigset_t All;
    sigemptyset(&All);
    sigprocmask(SIG_SETMASK, &All, nullptr);
    char C;
    if (read(Gate[0], &C, 1) != 1)
      _exit(TraceFailed);
    execvp(CArgv[0], CArgv.data());
    const char *Err = strerror(errno);
    dprintf(2, "racelab trace-threads: cannot run %s: %s\n", CArgv[0], Err);
    _exit(127);
  }
  close(Gate[0]);
  Top = Pid;
  TgidOf[Pid] = Pid;
  long Options = PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
                 PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC |
                 PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL;
  if (ptrace(PTRACE_SEIZE, Pid, nullptr, reinterpret_cast<void *>(Options)) !=
      0) {
    errs() << "racelab trace-threads: cannot trace " << Argv[0] << ": "
           << strerror(errno) << "\n";
    kill(Pid, SIGKILL);
    close(Gate[1]);
    waitpid(Pid, nullptr, 0);
    return TraceFailed;
  }
  char Go = 1;
  bool Started = write(Gate[1], &Go, 1) == 1;
  close(Gate[1]);
  if (!Started)
    kill(Pid, SIGKILL);

  std::thread Sampler([this] { sample(); });
  bool TopGone = false;
  int WaitErrno = 0;
  while (!TopGone) {
    int Status;
    pid_t Tid = waitpid(-1, &Status, __WALL);
    if (Tid < 0) {
      if (errno == EINTR)
        continue;
      WaitErrno = errno;
      break;
    }
    TopGone = handle(Tid, Status);
  }
  // Whatever outlived the top process (a daemon, a sandbox still closing)
  // is killed, so its threads are ended and nothing stays traced.
  for (;;) {
    std::set<pid_t> Processes;
    for (auto &[Tid, Tgid] : TgidOf)
      Processes.insert(Tgid);
    for (pid_t P : Processes)
      kill(P, SIGKILL);
    int Status;
    pid_t Tid = waitpid(-1, &Status, __WALL);
    if (Tid < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (WIFSTOPPED(Status)) {
      adopt(Tid);
      resume(Tid, 0);
    } else {
      handle(Tid, Status);
    }
  }
  Stop = true;
  Sampler.join();
  for (auto &[Tid, L] : std::map<pid_t, LiveThread>(Live))
    closeThread(Tid);

  if (!TopGone) {
    errs() << "racelab trace-threads: lost track of " << Argv[0] << ": "
           << strerror(WaitErrno) << "\n";
    return TraceFailed;
  }
  if (Error E = writeThreadTrace(Trace, ProgramName, Report)) {
    errs() << "racelab trace-threads: cannot write " << Report << ": "
           << toString(std::move(E)) << "\n";
    return TraceFailed;
  }
  return Trace.ExitCode;
}

} // namespace

int runThreadTrace(const std::vector<std::string> &Argv,
                   const std::string &ProgramPath,
                   const std::string &ReportPath) {
  Tracer T(sys::path::filename(ProgramPath).str());
  return T.run(Argv, ReportPath);
}

int runTraceThreadsCommand(const std::vector<std::string> &Argv) {
  const char *Usage =
      "usage: racelab trace-threads --report FILE --program PATH -- CMD "
      "ARGS...\n";
  std::string Report, Program;
  size_t I = 0;
  for (; I < Argv.size(); ++I) {
    StringRef A = Argv[I];
    if (A == "--")
      break;
    std::string *Value = nullptr;
    if (A == "--report")
      Value = &Report;
    else if (A == "--program")
      Value = &Program;
    else if (A.consume_front("--report="))
      Report = A.str();
    else if (A.consume_front("--program="))
      Program = A.str();
    else {
      errs() << "racelab trace-threads: unknown argument '" << A << "'\n"
             << Usage;
      return 2;
    }
    if (Value) {
      if (I + 1 >= Argv.size()) {
        errs() << "racelab trace-threads: " << A << " needs a value\n"
               << Usage;
        return 2;
      }
      *Value = Argv[++I];
    }
  }
  if (Report.empty() || Program.empty()) {
    errs() << "racelab trace-threads: --report and --program are required\n"
           << Usage;
    return 2;
  }
  if (I >= Argv.size() || I + 1 == Argv.size()) {
    errs() << "racelab trace-threads: no command after '--'\n" << Usage;
    return 2;
  }
  std::vector<std::string> Cmd(Argv.begin() + I + 1, Argv.end());
  return runThreadTrace(Cmd, Program, Report);
}

} // namespace racelab
