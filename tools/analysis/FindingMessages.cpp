//===- FindingMessages.cpp - Findings as diagnostics ----------------------===//
#include "FindingMessages.h"

namespace racelab {
namespace analysis {

namespace {

std::string line(clang::SourceLocation L, const clang::SourceManager &SM) {
  return std::to_string(SM.getExpansionLineNumber(L));
}

std::string threadText(const ThreadInfo &T, const clang::SourceManager &SM) {
  if (T.InMain)
    return "the main thread";
  std::string S = T.Many ? "one of the threads" : "the thread";
  S += " started at line " + line(T.Spawn, SM);
  return S;
}

std::string threadText(const AccessInfo &A, const clang::SourceManager &SM) {
  return threadText(A.Thread, SM);
}

void addSpawnNote(const ThreadInfo &T, FindingDiagnostic &D) {
  if (T.InMain)
    return;
  for (const DiagnosticNote &N : D.Notes)
    if (N.Loc == T.Spawn && !N.Blames)
      return;
  D.Notes.push_back({T.Spawn, "thread started here runs '" + T.Entry + "'" +
                                  (T.Many ? ", more than once" : "")});
}

/// "called here with 'M' held" for each call between a lock and a use.
void addCallNotes(const std::vector<clang::SourceLocation> &Calls, const std::string &Held,
                  FindingDiagnostic &D) {
  for (clang::SourceLocation C : Calls)
    D.Notes.push_back({C, "called here with '" + Held + "' held"});
}

std::string lockList(const std::vector<HeldLockInfo> &Locks) {
  std::string S;
  for (size_t I = 0; I < Locks.size(); ++I) {
    if (I)
      S += I + 1 == Locks.size() ? " and " : ", ";
    S += "'" + Locks[I].Name + "'";
  }
  return S;
}

} // namespace

FindingDiagnostic describeDataRace(const DataRaceFinding &F,
                                   const clang::SourceManager &SM) {
  FindingDiagnostic D;
  D.Check = DataRaceCheckName;
  D.Loc = F.First.Loc;
  const char *Other = F.Second.IsWrite ? "write" : "read";
  bool NoLocks = F.First.Locks.empty() && F.Second.Locks.empty();
  // Both hold the same reader-writer lock, at least one side only shared:
  // readers do not exclude each other, so "no lock in common" would
  // mislead.
  std::string SharedInCommon;
  for (const HeldLockInfo &A : F.First.Locks)
    for (const HeldLockInfo &B : F.Second.Locks)
      if (A.Name == B.Name && (A.Shared || B.Shared) && SharedInCommon.empty())
        SharedInCommon = A.Name;
  D.Message = "data race on '" + F.Variable + "': this write in " +
              threadText(F.First, SM) + " can run at the same time as a " + Other +
              " in " + threadText(F.Second, SM) +
              (NoLocks ? std::string(", and neither holds a lock")
               : !SharedInCommon.empty()
                   ? ", and '" + SharedInCommon +
                         "' is held only shared (for reading), which lets both in at once"
                   : std::string(", and they hold no lock in common"));
  D.Notes.push_back({F.Second.Loc,
                     std::string("conflicting ") + Other + " of '" + F.Variable + "'",
                     /*Blames=*/true});
  if (!F.First.Thread.InMain)
    D.Notes.push_back({F.First.Thread.Spawn,
                       "thread started here runs '" + F.First.Thread.Entry + "'" +
                           (F.First.Thread.Many ? ", more than once" : "")});
  if (!F.Second.Thread.InMain &&
      (F.First.Thread.InMain || F.Second.Thread.Spawn != F.First.Thread.Spawn))
    D.Notes.push_back({F.Second.Thread.Spawn,
                       "thread started here runs '" + F.Second.Thread.Entry + "'" +
                           (F.Second.Thread.Many ? ", more than once" : "")});
  for (const HeldLockInfo &L : F.First.Locks)
    D.Notes.push_back({L.AcquiredAt, "'" + L.Name + "' is held" + (L.Shared ? " shared" : "") +
                                         " for the write from here" +
                                         (F.Second.Locks.empty()
                                              ? std::string(", but not for the other access")
                                              : ", the other access holds " +
                                                    lockList(F.Second.Locks))});
  for (const HeldLockInfo &L : F.Second.Locks)
    D.Notes.push_back({L.AcquiredAt,
                       "'" + L.Name + "' is held" + (L.Shared ? " shared" : "") +
                           " for the conflicting access from here" +
                           (F.First.Locks.empty() ? std::string(", but not for the write")
                                                  : std::string())});
  // Which lock to add is a design choice (and so is an atomic): a note,
  // never an edit.
  if (!F.First.Locks.empty() && F.Second.Locks.empty())
    D.Notes.push_back({F.Second.Loc, "to fix, also hold '" + F.First.Locks.front().Name +
                                         "' for this " + Other});
  else if (F.First.Locks.empty() && !F.Second.Locks.empty())
    D.Notes.push_back({F.First.Loc, "to fix, also hold '" + F.Second.Locks.front().Name +
                                        "' for this write"});
  else if (!SharedInCommon.empty())
    D.Notes.push_back({D.Loc, "to fix, hold '" + SharedInCommon +
                                  "' exclusively (std::unique_lock) to write '" +
                                  F.Variable + "', or make it a std::atomic"});
  else if (!NoLocks)
    D.Notes.push_back({D.Loc, "to fix, guard both accesses to '" + F.Variable +
                                  "' with the same mutex"});
  else
    D.Notes.push_back({D.Loc, "to fix, guard every access to '" + F.Variable +
                                  "' with one mutex, or make it a std::atomic if it is "
                                  "a single value updated on its own; if one thread must "
                                  "go first, order them (a join, std::latch or future)"});
  return D;
}

FindingDiagnostic describeLockOrder(const LockOrderFinding &F,
                                    const clang::SourceManager &SM) {
  FindingDiagnostic D;
  D.Check = LockOrderCheckName;
  const LockOrderStep &First = F.Steps.front();
  D.Loc = First.AcquiredAt;
  if (F.Ring) {
    D.Message = "lock cycle through '" + First.Acquired + "': every one of the threads "
                "started at line " + line(First.Thread.Spawn, SM) +
                " takes its own mutex, then its neighbour's, so each can end up holding "
                "its first while waiting for the next thread's; all wait for ever";
    D.Notes.push_back({First.HeldAt, "each thread takes its own mutex here", true});
    addCallNotes(First.Calls, First.Held, D);
    addSpawnNote(First.Thread, D);
    D.Notes.push_back({D.Loc, "to fix, take both mutexes with one std::scoped_lock, or "
                              "have every thread take the lower-numbered one first"});
    return D;
  }
  D.Message = "lock-order inversion: " + threadText(First.Thread, SM) + " takes '" +
              First.Acquired + "' here while holding '" + First.Held + "'";
  for (size_t I = 1; I < F.Steps.size(); ++I) {
    const LockOrderStep &S = F.Steps[I];
    D.Message += (I + 1 == F.Steps.size() ? ", and " : ", ") + threadText(S.Thread, SM) +
                 " takes '" + S.Acquired + "' while holding '" + S.Held + "'";
  }
  D.Message += F.Steps.size() == 2 ? ": the two threads can deadlock"
                                   : ": the threads can deadlock in a cycle";
  for (size_t I = 0; I < F.Steps.size(); ++I) {
    const LockOrderStep &S = F.Steps[I];
    D.Notes.push_back({S.HeldAt, "'" + S.Held + "' acquired here", true});
    addCallNotes(S.Calls, S.Held, D);
    if (I > 0)
      D.Notes.push_back({S.AcquiredAt,
                         "then '" + S.Acquired + "' acquired here while '" + S.Held +
                             "' is held",
                         true});
  }
  for (const LockOrderStep &S : F.Steps)
    addSpawnNote(S.Thread, D);
  std::vector<HeldLockInfo> Cycle;
  for (const LockOrderStep &S : F.Steps)
    Cycle.push_back({S.Held, false, S.HeldAt});
  D.Notes.push_back({D.Loc, "to fix, take " + lockList(Cycle) +
                                " together with one std::scoped_lock, or take them in "
                                "the same order in every thread"});
  return D;
}

FindingDiagnostic describeJoinWhileHolding(const JoinWhileHoldingFinding &F,
                                           const clang::SourceManager &SM) {
  FindingDiagnostic D;
  D.Check = LockOrderCheckName;
  D.Loc = F.JoinAt;
  D.Message = threadText(F.Waiting, SM) + " waits here for " + threadText(F.Joined, SM) +
              " while holding '" + F.Mutex + "', which that thread takes: each waits "
              "for the other for ever";
  D.Notes.push_back({F.HeldAt, "'" + F.Mutex + "' acquired here", true});
  D.Notes.push_back({F.AcquiredAt, "the joined thread takes '" + F.Mutex + "' here", true});
  addSpawnNote(F.Joined, D);
  D.Notes.push_back({D.Loc, "to fix, release '" + F.Mutex + "' before waiting here"});
  return D;
}

FindingDiagnostic describeDoubleLock(const DoubleLockFinding &F,
                                     const clang::SourceManager &SM) {
  FindingDiagnostic D;
  D.Check = DoubleLockCheckName;
  D.Loc = F.SecondAt;
  const char *Mode = F.SecondShared ? "for reading " : "";
  D.Message = "'" + F.Mutex + "' is locked " + Mode + "again by " +
              threadText(F.Thread, SM) + ", which already holds it" +
              (F.FirstShared ? " for reading" : "") +
              ": it is not recursive, so the thread waits for itself for ever";
  D.Notes.push_back({F.FirstAt, "'" + F.Mutex + "' first acquired here"});
  addCallNotes(F.Calls, F.Mutex, D);
  D.Notes.push_back({D.Loc, "to fix, release '" + F.Mutex + "' before this point, or "
                            "call a variant that expects the caller to hold it (a "
                            "std::recursive_mutex only hides the problem)"});
  return D;
}

FindingDiagnostic describeCvWait(const CvWaitFinding &F, const clang::SourceManager &) {
  FindingDiagnostic D;
  D.Check = CvWaitCheckName;
  D.Loc = F.WaitAt;
  D.Message = "'" + F.ConditionVariable + "' is waited on without a predicate" +
              (F.CheckedOnceAt.isValid() ? std::string(" and checked only once")
                                         : std::string(" or a loop")) +
              ": a notification sent before the wait is lost, and a spurious wakeup "
              "returns with the condition still false; use wait(lock, predicate)";
  if (F.CheckedOnceAt.isValid())
    D.Notes.push_back({F.CheckedOnceAt,
                       "the condition is checked once here; a 'while' would re-check it "
                       "after every wakeup"});
  if (F.Fix)
    D.FixIts.push_back(*F.Fix);
  else
    D.Notes.push_back({D.Loc, "to fix, wait in a loop that re-checks the condition under "
                              "the lock: wait(lock, [&] { return condition; }), or "
                              "'while (!condition)' around pthread_cond_wait"});
  return D;
}

FindingDiagnostic describeUnjoinedThread(const UnjoinedThreadFinding &F,
                                         const clang::SourceManager &SM) {
  FindingDiagnostic D;
  D.Check = UnjoinedThreadCheckName;
  D.Loc = F.StartedAt;
  std::string How;
  switch (F.How) {
  case UnjoinedThreadFinding::Exit::ScopeEnd:
    How = "goes out of scope at line " + line(F.EndsAt, SM);
    break;
  case UnjoinedThreadFinding::Exit::Return:
    How = "is destroyed by the return at line " + line(F.EndsAt, SM);
    break;
  case UnjoinedThreadFinding::Exit::Throw:
    How = "is destroyed when the exception thrown at line " + line(F.EndsAt, SM) +
          " leaves its scope";
    break;
  case UnjoinedThreadFinding::Exit::CallThrows:
    How = "is destroyed if the call at line " + line(F.EndsAt, SM) +
          " throws (the function it calls can throw)";
    break;
  case UnjoinedThreadFinding::Exit::Reassigned:
    How = "is assigned a new thread at line " + line(F.EndsAt, SM);
    break;
  }
  if (F.InCollection)
    D.Message = "'" + F.Thread + "', holding a std::thread started here, " + How +
                " before its threads are joined; destroying a joinable std::thread calls "
                "std::terminate: join them on every path";
  else
    D.Message = "std::thread '" + F.Thread + "' " + How +
                " while still joinable, which calls std::terminate; join or detach it "
                "on every path (std::jthread joins by itself)";
  D.Notes.push_back({F.EndsAt, F.How == UnjoinedThreadFinding::Exit::Reassigned
                                   ? "assigned here while still running"
                                   : "'" + F.Thread + "' is still joinable here"});
  if (F.Fix)
    D.FixIts.push_back(*F.Fix);
  else if (F.InCollection)
    D.Notes.push_back({D.Loc, "to fix, join every thread in '" + F.Thread + "' before line " +
                                  line(F.EndsAt, SM) + ", or hold std::jthread instead"});
  else
    D.Notes.push_back({D.Loc, "to fix, join '" + F.Thread + "' before line " +
                                  line(F.EndsAt, SM) + ", or declare it std::jthread"});
  return D;
}

FindingDiagnostic describeDanglingCapture(const DanglingCaptureFinding &F,
                                          const clang::SourceManager &SM) {
  FindingDiagnostic D;
  D.Check = DanglingCaptureCheckName;
  D.Loc = F.SpawnAt;
  D.Message = "the thread started here uses local '" + F.Variable + "' " +
              (F.ThroughView ? "through a view (string_view, span or pointer)"
                             : "by reference") +
              ", but " +
              (F.Detached ? std::string("it is detached and ")
                          : std::string("it is not joined before ")) +
              (F.Detached ? "may still run when '" + F.Variable + "' goes out of scope"
                          : "'" + F.Variable + "' goes out of scope") +
              " at line " + line(F.ScopeEndAt, SM) + "; it would use a dead object";
  D.Notes.push_back({F.DeclaredAt, "'" + F.Variable + "' declared here"});
  D.Notes.push_back({F.ScopeEndAt, "'" + F.Variable + "' ends here"});
  if (F.UseAt.isValid())
    D.Notes.push_back({F.UseAt, "the thread uses it here"});
  D.Notes.push_back({D.Loc, "to fix, capture '" + F.Variable +
                                "' by value (or move it into the thread), or " +
                                (F.Detached ? std::string("join the thread instead of "
                                                          "detaching it")
                                            : "join the thread before line " +
                                                  line(F.ScopeEndAt, SM))});
  return D;
}

llvm::ArrayRef<CheckInfo> implementedChecks() {
  static const CheckInfo Checks[] = {
      {DataRaceCheckName,
       "Finds memory that two threads may access at the same time, at least "
       "one of them writing, with no lock held in common."},
      {LockOrderCheckName,
       "Finds threads that take the same mutexes in orders forming a cycle "
       "(or join a thread while holding a mutex it needs), which can deadlock."},
      {DoubleLockCheckName,
       "Finds a thread locking a non-recursive mutex it already holds."},
      {CvWaitCheckName,
       "Finds condition-variable waits with no predicate and no loop re-checking "
       "the condition (lost and spurious wakeups)."},
      {UnjoinedThreadCheckName,
       "Finds a std::thread that can reach its destructor still joinable, which "
       "calls std::terminate."},
      {DanglingCaptureCheckName,
       "Finds a thread using a local by reference that may outlive the local's scope."},
  };
  return Checks;
}

} // namespace analysis
} // namespace racelab
