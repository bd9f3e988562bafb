//===- FindingMessages.cpp - Findings as diagnostics ----------------------===//
#include "FindingMessages.h"

namespace racelab {
namespace analysis {

namespace {

std::string threadText(const AccessInfo &A, const clang::SourceManager &SM) {
  if (A.InMainThread)
    return "the main thread";
  std::string S = A.ManyThreads ? "one of the threads" : "the thread";
  S += " started at line " +
       std::to_string(SM.getExpansionLineNumber(A.ThreadSpawn));
  return S;
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
  D.Message = "data race on '" + F.Variable + "': this write in " +
              threadText(F.First, SM) + " can run at the same time as a " + Other +
              " in " + threadText(F.Second, SM) +
              (NoLocks ? ", and neither holds a lock"
                       : ", and they hold no lock in common");
  D.Notes.push_back({F.Second.Loc,
                     std::string("conflicting ") + Other + " of '" + F.Variable + "'",
                     /*Blames=*/true});
  if (!F.First.InMainThread)
    D.Notes.push_back({F.First.ThreadSpawn,
                       "thread started here runs '" + F.First.ThreadEntry + "'" +
                           (F.First.ManyThreads ? ", more than once" : "")});
  if (!F.Second.InMainThread &&
      (F.First.InMainThread || F.Second.ThreadSpawn != F.First.ThreadSpawn))
    D.Notes.push_back({F.Second.ThreadSpawn,
                       "thread started here runs '" + F.Second.ThreadEntry + "'" +
                           (F.Second.ManyThreads ? ", more than once" : "")});
  for (const HeldLockInfo &L : F.First.Locks)
    D.Notes.push_back({L.AcquiredAt, "'" + L.Name + "' is held for the write from here" +
                                         (F.Second.Locks.empty()
                                              ? std::string(", but not for the other access")
                                              : ", the other access holds " +
                                                    lockList(F.Second.Locks))});
  for (const HeldLockInfo &L : F.Second.Locks)
    D.Notes.push_back({L.AcquiredAt,
                       "'" + L.Name + "' is held for the conflicting access from here" +
                           (F.First.Locks.empty() ? std::string(", but not for the write")
                                                  : std::string())});
  return D;
}

llvm::ArrayRef<CheckInfo> implementedChecks() {
  static const CheckInfo Checks[] = {
      {DataRaceCheckName,
       "Finds memory that two threads may access at the same time, at least "
       "one of them writing, with no lock held in common."},
  };
  return Checks;
}

} // namespace analysis
} // namespace racelab
