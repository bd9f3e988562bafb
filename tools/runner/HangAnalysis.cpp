//===- HangAnalysis.cpp - Which thread waits on what ----------------------===//
//
// A thread's kind of wait is read from its frames, innermost first, up to
// the user's own frame: the first frame that names a blocking primitive
// decides (so a condition-variable wait that is taking its mutex back
// counts as a mutex wait). Raw futex and atomic waits are weak evidence:
// they decide only when no named primitive follows (a semaphore is built on
// an atomic wait). Function names are compared without the decorations
// glibc, TSan and libstdc++ add ("___pthread_mutex_lock",
// "__interceptor_pthread_mutex_lock", "__GI___lll_lock_wait").
//
//===----------------------------------------------------------------------===//
#include "HangAnalysis.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <set>

namespace racelab {
namespace {

/// Where in a glibc x86-64 lock object its holder is recorded (in 32-bit
/// words): pthread_mutex_t.__owner, pthread_rwlock_t.__cur_writer, and the
/// reader count in the top bits of pthread_rwlock_t.__readers.
constexpr size_t MutexOwnerWord = 2;
constexpr size_t RwLockWriterWord = 6;
constexpr unsigned RwLockReaderShift = 3;
constexpr long FutexSyscall = 202;

/// "___pthread_mutex_lock", "__interceptor_pthread_mutex_lock",
/// "__GI___lll_lock_wait", "__libc_read" -> the plain C name.
std::string plainName(llvm::StringRef Base) {
  while (true) {
    llvm::StringRef Before = Base;
    Base = Base.ltrim('_');
    for (llvm::StringRef Prefix : {"GI_", "interceptor_", "libc_", "real_"})
      Base.consume_front(Prefix);
    if (Base == Before)
      return Base.str();
  }
}

struct Primitive {
  WaitKind Kind;
  bool Weak; ///< Decides only when no stronger frame follows.
};

/// The blocking primitive a frame's function is, if it is one.
std::optional<Primitive> primitiveOf(llvm::StringRef Function) {
  std::string Base = gdbBaseName(Function);
  llvm::StringRef B(Base);
  if (B.starts_with("std::")) {
    // libstdc++, names without template arguments.
    if (B.contains("semaphore"))
      return Primitive{WaitKind::Semaphore, false};
    if (B.contains("condition_variable"))
      return Primitive{WaitKind::CondVar, false};
    if (B.contains("shared_mutex") || B.contains("shared_timed_mutex") ||
        B.starts_with("std::__glibcxx_rwlock_"))
      return Primitive{WaitKind::RwLock, false};
    if (B == "std::mutex::lock" || B == "std::recursive_mutex::lock" ||
        B.starts_with("std::timed_mutex::") ||
        B.starts_with("std::recursive_timed_mutex::") ||
        B.starts_with("std::__timed_mutex_impl") || B == "std::lock" ||
        B == "std::__detail::__lock_impl")
      return Primitive{WaitKind::Mutex, false};
    if (B == "std::thread::join" || B == "std::jthread::join" ||
        B == "std::jthread::~jthread")
      return Primitive{WaitKind::Join, false};
    if (B.starts_with("std::this_thread::sleep") ||
        B.starts_with("std::this_thread::__sleep"))
      return Primitive{WaitKind::Sleep, false};
    if (B.starts_with("std::barrier::") || B.starts_with("std::latch::") ||
        B.ends_with("::wait") || B.starts_with("std::__detail::__platform_wait") ||
        B.starts_with("std::__atomic_wait_address") ||
        B.starts_with("std::__detail::__waiter"))
      return Primitive{WaitKind::Futex, !B.starts_with("std::barrier::") &&
                                            !B.starts_with("std::latch::")};
    return std::nullopt;
  }
  std::string Plain = plainName(B);
  static const std::pair<WaitKind, std::vector<llvm::StringLiteral>> Table[] = {
      {WaitKind::Mutex,
       {"pthread_mutex_lock", "pthread_mutex_timedlock", "pthread_mutex_clocklock",
        "pthread_mutex_clocklock_common", "pthread_mutex_lock_full",
        "pthread_mutex_cond_lock", "pthread_mutex_lock_pi", "lll_mutex_lock_optimized",
        "lll_lock_wait", "lll_lock_wait_private", "lll_clocklock_wait",
        "gthread_mutex_lock", "gthread_recursive_mutex_lock", "gthread_mutex_timedlock",
        "mtx_lock", "mtx_timedlock"}},
      {WaitKind::RwLock,
       {"pthread_rwlock_rdlock", "pthread_rwlock_wrlock", "pthread_rwlock_timedrdlock",
        "pthread_rwlock_timedwrlock", "pthread_rwlock_clockrdlock",
        "pthread_rwlock_clockwrlock", "pthread_rwlock_rdlock_full",
        "pthread_rwlock_wrlock_full", "pthread_rwlock_rdlock_full64",
        "pthread_rwlock_wrlock_full64"}},
      {WaitKind::CondVar,
       {"pthread_cond_wait", "pthread_cond_timedwait", "pthread_cond_clockwait",
        "pthread_cond_wait_common", "cnd_wait", "cnd_timedwait"}},
      {WaitKind::Join,
       {"pthread_join", "pthread_clockjoin_ex", "pthread_timedjoin_np",
        "pthread_clockjoin_np", "thrd_join"}},
      {WaitKind::Semaphore,
       {"sem_wait", "sem_timedwait", "sem_clockwait", "new_sem_wait_slow",
        "new_sem_wait_slow64", "sem_wait_common"}},
      {WaitKind::Futex, {"pthread_barrier_wait"}},
      {WaitKind::Sleep,
       {"nanosleep", "clock_nanosleep", "usleep", "sleep", "thrd_sleep"}},
      {WaitKind::Io,
       {"read",     "write",      "poll",        "ppoll",      "select",      "pselect",
        "pselect6", "epoll_wait", "epoll_pwait", "accept",     "accept4",     "recv",
        "recvfrom", "recvmsg",    "connect",     "waitpid",    "wait4",       "waitid",
        "wait",     "pause",      "sigwait",     "sigsuspend", "sigtimedwait"}},
  };
  for (const auto &[Kind, Names] : Table)
    for (llvm::StringRef Name : Names)
      if (Plain == Name)
        return Primitive{Kind, false};
  // The low-level futex waits every primitive ends in, and the raw
  // syscall() gates use.
  if (Plain == "syscall" || llvm::StringRef(Plain).starts_with("futex_wait") ||
      llvm::StringRef(Plain).starts_with("futex_abstimed_wait"))
    return Primitive{WaitKind::Futex, true};
  return std::nullopt;
}

/// Argument names that carry the waited-on object, per kind.
llvm::ArrayRef<llvm::StringLiteral> objectArgs(WaitKind Kind) {
  static const llvm::StringLiteral Mutex[] = {"mutex", "__mutex", "futex",
                                              "this",  "mtx",     "__mtx"};
  static const llvm::StringLiteral RwLock[] = {"rwlock", "__rwlock", "this"};
  static const llvm::StringLiteral CondVar[] = {"cond", "__cond", "this"};
  static const llvm::StringLiteral Semaphore[] = {"sem", "__sem", "isem", "this"};
  static const llvm::StringLiteral Futex[] = {"futex_word", "__addr", "uaddr"};
  switch (Kind) {
  case WaitKind::Mutex:
    return Mutex;
  case WaitKind::RwLock:
    return RwLock;
  case WaitKind::CondVar:
    return CondVar;
  case WaitKind::Semaphore:
    return Semaphore;
  case WaitKind::Futex:
    return Futex;
  default:
    return {};
  }
}

TsanFrame toTsanFrame(const GdbFrame &F) {
  TsanFrame T;
  T.Index = F.Index;
  T.Function = F.Function == "??" ? std::string() : F.Function;
  T.File = F.File;
  T.Line = F.Line;
  T.Module = F.Library;
  T.ModuleOffset = F.Pc;
  return T;
}

bool isRuntimeThread(const GdbThread &T) {
  for (const GdbFrame &F : T.Frames) {
    llvm::StringRef Base(F.Function);
    if (Base.starts_with("__tsan::BackgroundThread") ||
        Base.starts_with("__sanitizer::BackgroundThread"))
      return true;
  }
  return false;
}

/// The innermost frame of the program's own code when nothing has line
/// information (built without -g): frames of the binary itself (no shared
/// library), minus the sanitizer runtime and libstdc++ linked into it.
std::optional<size_t> guessUserFrame(const GdbThread &T) {
  for (size_t I = 0; I < T.Frames.size(); ++I) {
    const GdbFrame &F = T.Frames[I];
    llvm::StringRef Fn(F.Function);
    if (!F.Library.empty() || Fn.empty() || Fn == "??" || Fn.starts_with("_") ||
        Fn.starts_with("std::") || Fn.starts_with("__gnu_cxx::") || primitiveOf(Fn))
      continue;
    return I;
  }
  return std::nullopt;
}

std::optional<uint64_t> decimalOrHex(llvm::StringRef Value) {
  if (auto A = gdbValueAddress(Value))
    return A;
  uint64_t N = 0;
  if (Value.trim().getAsInteger(10, N))
    return std::nullopt;
  return N;
}

/// Classifies one thread's stack; Filter tells user frames apart.
HungThread classify(const GdbThread &T, const FrameFilter &Filter) {
  HungThread H;
  H.Number = T.Number;
  H.Lwp = T.Lwp;
  H.Name = T.Name;
  for (const GdbFrame &F : T.Frames)
    H.Stack.Frames.push_back(toTsanFrame(F));

  size_t UserIndex = T.Frames.size();
  for (size_t I = 0; I < H.Stack.Frames.size(); ++I)
    if (Filter.isUserFrame(H.Stack.Frames[I])) {
      UserIndex = I;
      break;
    }
  bool AnyLineInfo = llvm::any_of(T.Frames, [](const GdbFrame &F) {
    return !F.File.empty() && F.File.front() == '/';
  });
  if (UserIndex == T.Frames.size() && !AnyLineInfo) {
    if (auto Guess = guessUserFrame(T)) {
      UserIndex = *Guess;
      H.UserFrameGuessed = true;
    }
  }
  if (UserIndex < T.Frames.size())
    H.UserFrame = H.Stack.Frames[UserIndex];

  // The kind: the innermost strong primitive below the user frame, else the
  // innermost weak one.
  std::optional<size_t> Strong, Weak;
  for (size_t I = 0; I < UserIndex && !Strong; ++I)
    if (auto P = primitiveOf(T.Frames[I].Function)) {
      if (!P->Weak)
        Strong = I;
      else if (!Weak)
        Weak = I;
    }
  std::optional<size_t> Decider = Strong ? Strong : Weak;
  if (!Decider) {
    // Nothing blocking: running its own code, unless it sits in a library
    // call we do not know.
    const GdbFrame *Top = T.Frames.empty() ? nullptr : &T.Frames.front();
    bool InLibraryCall = !Top || !Top->Library.empty() || Top->Function == "??";
    H.Kind = InLibraryCall ? WaitKind::Unknown : WaitKind::Running;
    if (Top)
      H.BlockedIn = gdbBaseName(Top->Function);
    return H;
  }
  H.Kind = primitiveOf(T.Frames[*Decider].Function)->Kind;
  H.BlockedIn = gdbBaseName(T.Frames[*Decider].Function);

  // The object: the first address-valued argument, in a frame of the same
  // kind, from the innermost such frame out to the user frame.
  for (size_t I = 0; I < UserIndex; ++I) {
    const GdbFrame &F = T.Frames[I];
    auto P = primitiveOf(F.Function);
    if (!P || (P->Kind != H.Kind && H.Kind != WaitKind::Join))
      continue;
    if (H.Kind == WaitKind::Join) {
      // The joined thread: its pthread_t ("threadid=1406..."), and the TID
      // glibc's futex waits on to change ("expected=4117").
      for (llvm::StringRef Name : {"threadid", "th", "thread", "__th"})
        if (const GdbArg *A = F.arg(Name); A && !H.Object)
          H.Object = decimalOrHex(A->Value);
      if (const GdbArg *A = F.arg("expected");
          A && !H.HolderLwp && P->Kind == WaitKind::Futex)
        H.HolderLwp = decimalOrHex(A->Value);
      continue;
    }
    if (!H.Object)
      for (llvm::StringRef Name : objectArgs(H.Kind))
        if (const GdbArg *A = F.arg(Name))
          if (auto Address = gdbValueAddress(A->Value)) {
            H.Object = *Address;
            H.ObjectSymbol = gdbValueSymbol(A->Value);
            break;
          }
    if (H.Kind == WaitKind::CondVar && !H.CondVarMutex)
      if (const GdbArg *A = F.arg("mutex"))
        H.CondVarMutex = gdbValueAddress(A->Value);
  }
  return H;
}

/// The kind of a thread seen through /proc only.
WaitKind procKind(const ProcThread &P) {
  if (P.State == 'R')
    return WaitKind::Running;
  switch (P.Syscall) {
  case FutexSyscall:
  case 449: // futex_waitv
    return WaitKind::Futex;
  case 35:  // nanosleep
  case 230: // clock_nanosleep
    return WaitKind::Sleep;
  case -1:
    return WaitKind::Unknown;
  default:
    return WaitKind::Io;
  }
}

/// The thread sleeps where glibc's lll_lock_wait does: FUTEX_WAIT (private
/// or not) for the value 2 ("locked, with waiters") on a mutex's first word.
bool inMutexLockWait(const ProcThread &P) {
  constexpr uint64_t FutexCommandMask = ~uint64_t(128 | 256);
  return P.Syscall == FutexSyscall && P.SyscallArgs.size() >= 3 &&
         (P.SyscallArgs[1] & FutexCommandMask) == 0 && P.SyscallArgs[2] == 2;
}

/// A thread seen through /proc only: its futex wait read as a mutex lock
/// when the word it sleeps on looks like a locked glibc mutex owned by a
/// thread of the program, and as a join when it waits for the value of a
/// thread's id (glibc's join sleeps on the joined thread's tid word).
HungThread procThread(const ProcThread &P, const HangCapture &Capture) {
  HungThread H;
  H.Lwp = static_cast<uint64_t>(P.Tid);
  H.Name = P.Comm;
  H.ProcState = P.State;
  H.Wchan = P.Wchan;
  if (P.Syscall >= 0)
    H.Syscall = syscallName(P.Syscall);
  H.Kind = procKind(P);
  if (H.Kind != WaitKind::Futex || P.SyscallArgs.size() < 3)
    return H;
  auto IsThread = [&](int64_t Tid) {
    return llvm::any_of(Capture.Proc, [&](const ProcThread &T) {
      return T.Pid == P.Pid && T.Tid == Tid;
    });
  };
  H.Object = P.SyscallArgs[0];
  auto Words = Capture.LockWords.find(*H.Object);
  if (inMutexLockWait(P) && Words != Capture.LockWords.end() &&
      Words->second.size() > MutexOwnerWord && Words->second[0] == 2 &&
      IsThread(Words->second[MutexOwnerWord])) {
    H.Kind = WaitKind::Mutex;
    H.HolderLwp = static_cast<uint64_t>(Words->second[MutexOwnerWord]);
  } else if (P.SyscallArgs[2] != H.Lwp &&
             IsThread(static_cast<int64_t>(P.SyscallArgs[2]))) {
    H.Kind = WaitKind::Join;
    H.HolderLwp = P.SyscallArgs[2];
    H.Object.reset();
  }
  return H;
}

/// Fills in who holds what the thread waits on.
void findHolder(HungThread &H, const HangCapture &Capture, const ProcThread *Proc) {
  switch (H.Kind) {
  case WaitKind::Mutex:
  case WaitKind::RwLock: {
    if (!H.Object && Proc && Proc->Syscall == FutexSyscall && !Proc->SyscallArgs.empty())
      H.Object = Proc->SyscallArgs[0]; // The futex word opens the lock object.
    if (!H.Object) {
      H.HolderNote = "which lock it waits for is not known (no frame shows it)";
      return;
    }
    auto It = Capture.LockWords.find(*H.Object);
    if (It == Capture.LockWords.end()) {
      H.HolderNote = "its holder is not known (the lock could not be read)";
      return;
    }
    const std::vector<int32_t> &Words = It->second;
    if (H.Kind == WaitKind::Mutex) {
      if (Words.size() > MutexOwnerWord && Words[MutexOwnerWord] > 0)
        H.HolderLwp = static_cast<uint64_t>(Words[MutexOwnerWord]);
      else if (!Words.empty() && Words[0] == 0)
        H.HolderNote = "it is not held any more (it was being released)";
      else
        H.HolderNote = "its holder is not recorded in the mutex";
      return;
    }
    if (Words.size() > RwLockWriterWord && Words[RwLockWriterWord] > 0) {
      H.HolderLwp = static_cast<uint64_t>(Words[RwLockWriterWord]);
      return;
    }
    unsigned Readers =
        Words.empty() ? 0 : static_cast<uint32_t>(Words[0]) >> RwLockReaderShift;
    H.HolderNote = Readers ? "held by " + std::to_string(Readers) +
                                 (Readers == 1 ? " reader" : " readers") +
                                 ", which glibc does not record"
                           : "its holder is not recorded in the lock";
    return;
  }
  case WaitKind::Join: {
    if (!H.HolderLwp && H.Object)
      if (const GdbThread *Target = Capture.Gdb.findByHandle(*H.Object))
        H.HolderLwp = Target->Lwp;
    // glibc's join waits on the thread's tid word: the futex value is the TID.
    if (!H.HolderLwp && Proc && Proc->Syscall == FutexSyscall &&
        Proc->SyscallArgs.size() > 2)
      H.HolderLwp = Proc->SyscallArgs[2];
    if (!H.HolderLwp)
      H.HolderNote = "which thread it joins is not known";
    return;
  }
  case WaitKind::Futex:
    if (!H.Object && Proc && Proc->Syscall == FutexSyscall && !Proc->SyscallArgs.empty())
      H.Object = Proc->SyscallArgs[0];
    return;
  default:
    return;
  }
}

/// The cycles of the wait-for graph (every node has at most one out-edge).
std::vector<WaitCycle> findCycles(const std::vector<HungThread> &Threads) {
  std::map<uint64_t, uint64_t> Next;
  std::map<uint64_t, unsigned> Order; // Lwp -> position, for a stable start.
  for (size_t I = 0; I < Threads.size(); ++I)
    Order[Threads[I].Lwp] = static_cast<unsigned>(I);
  for (const HungThread &H : Threads)
    if (H.HolderLwp && Order.count(*H.HolderLwp) &&
        (H.Kind == WaitKind::Mutex || H.Kind == WaitKind::RwLock ||
         H.Kind == WaitKind::Join))
      Next[H.Lwp] = *H.HolderLwp;

  std::vector<WaitCycle> Cycles;
  std::set<uint64_t> Done;
  for (const HungThread &H : Threads) {
    // Follow the out-edges until a thread waits for nothing, or one seen
    // before: on this walk (a cycle) or on an earlier one (nothing new).
    std::vector<uint64_t> Path;
    std::map<uint64_t, size_t> OnPath;
    std::optional<uint64_t> Cur = H.Lwp;
    while (Cur && !Done.count(*Cur) && !OnPath.count(*Cur)) {
      OnPath[*Cur] = Path.size();
      Path.push_back(*Cur);
      auto It = Next.find(*Cur);
      Cur = It == Next.end() ? std::nullopt : std::optional<uint64_t>(It->second);
    }
    if (Cur && OnPath.count(*Cur)) {
      WaitCycle C;
      C.Lwps.assign(Path.begin() + OnPath[*Cur], Path.end());
      // Start at the thread listed first, so the text does not depend on
      // where the walk began.
      auto First = llvm::min_element(
          C.Lwps, [&](uint64_t A, uint64_t B) { return Order[A] < Order[B]; });
      std::rotate(C.Lwps.begin(), First, C.Lwps.end());
      Cycles.push_back(std::move(C));
    }
    Done.insert(Path.begin(), Path.end());
  }
  return Cycles;
}

} // namespace

llvm::StringRef waitKindId(WaitKind Kind) {
  switch (Kind) {
  case WaitKind::Mutex:
    return "mutex";
  case WaitKind::RwLock:
    return "rwlock";
  case WaitKind::CondVar:
    return "condition-variable";
  case WaitKind::Join:
    return "join";
  case WaitKind::Semaphore:
    return "semaphore";
  case WaitKind::Futex:
    return "futex";
  case WaitKind::Sleep:
    return "sleep";
  case WaitKind::Io:
    return "io";
  case WaitKind::Running:
    return "running";
  case WaitKind::Unknown:
    return "unknown";
  }
  return "unknown";
}

llvm::StringRef waitKindText(WaitKind Kind) {
  switch (Kind) {
  case WaitKind::Mutex:
    return "blocked locking a mutex";
  case WaitKind::RwLock:
    return "blocked locking a reader-writer lock";
  case WaitKind::CondVar:
    return "waiting on a condition variable";
  case WaitKind::Join:
    return "waiting to join a thread";
  case WaitKind::Semaphore:
    return "waiting on a semaphore";
  case WaitKind::Futex:
    return "waiting on a futex";
  case WaitKind::Sleep:
    return "sleeping";
  case WaitKind::Io:
    return "blocked in I/O";
  case WaitKind::Running:
    return "running";
  case WaitKind::Unknown:
    return "blocked in an unrecognised call";
  }
  return "unknown";
}

const HungThread *HangReport::findByLwp(uint64_t Lwp) const {
  for (const HungThread &T : Threads)
    if (T.Lwp == Lwp)
      return &T;
  return nullptr;
}

std::vector<uint64_t> lockObjectsToRead(const std::vector<ProcThread> &Threads,
                                        pid_t Pid) {
  std::set<uint64_t> Objects;
  for (const ProcThread &T : Threads)
    if (T.Pid == Pid && inMutexLockWait(T))
      Objects.insert(T.SyscallArgs[0]);
  return {Objects.begin(), Objects.end()};
}

std::vector<uint64_t> lockObjectsToRead(const GdbTranscript &T) {
  FrameFilter Filter;
  std::set<uint64_t> Objects;
  for (const GdbThread &Thread : T.Threads) {
    HungThread H = classify(Thread, Filter);
    if ((H.Kind == WaitKind::Mutex || H.Kind == WaitKind::RwLock) && H.Object)
      Objects.insert(*H.Object);
  }
  return {Objects.begin(), Objects.end()};
}

HangReport analyzeHang(const HangCapture &Capture, const FrameFilter &Filter) {
  HangReport R;
  R.Pid = Capture.Group;
  R.StacksAvailable = Capture.StacksAvailable;
  R.StacksProblem = Capture.StacksProblem;
  R.CaptureSeconds = Capture.Seconds;
  auto ProcOf = [&](uint64_t Lwp) -> const ProcThread * {
    for (const ProcThread &P : Capture.Proc)
      if (static_cast<uint64_t>(P.Tid) == Lwp)
        return &P;
    return nullptr;
  };

  if (Capture.StacksAvailable) {
    for (const GdbThread &T : Capture.Gdb.Threads) {
      if (isRuntimeThread(T)) {
        ++R.RuntimeThreads;
        continue;
      }
      HungThread H = classify(T, Filter);
      const ProcThread *P = ProcOf(T.Lwp);
      if (P) {
        H.ProcState = P->State;
        H.Wchan = P->Wchan;
        if (P->Syscall >= 0)
          H.Syscall = syscallName(P->Syscall);
        // A thread the kernel saw running is not blocked, whatever library
        // call it was spinning in.
        if (P->State == 'R' && H.Kind == WaitKind::Unknown)
          H.Kind = WaitKind::Running;
      }
      findHolder(H, Capture, P);
      R.Threads.push_back(std::move(H));
    }
    llvm::sort(R.Threads, [](const HungThread &A, const HungThread &B) {
      return A.Number < B.Number;
    });
  } else {
    // No stacks: what /proc says, thread by thread.
    for (const ProcThread &P : Capture.Proc)
      R.Threads.push_back(procThread(P, Capture));
  }
  R.Cycles = findCycles(R.Threads);
  return R;
}

} // namespace racelab
