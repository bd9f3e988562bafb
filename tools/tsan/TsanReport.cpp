//===- TsanReport.cpp - Structured ThreadSanitizer reports ----------------===//
#include "TsanReport.h"

namespace racelab {

std::string TsanThreadRef::str() const {
  if (Id == 0)
    return "main thread";
  if (Id < 0)
    return "unknown thread";
  return "thread T" + std::to_string(Id);
}

const TsanMutex *TsanReport::findMutex(unsigned Id) const {
  for (const TsanMutex &M : Mutexes)
    if (M.Id == Id)
      return &M;
  return nullptr;
}

const TsanThread *TsanReport::findThread(int Id) const {
  for (const TsanThread &T : Threads)
    if (T.Id == Id)
      return &T;
  return nullptr;
}

std::vector<const TsanStack *> TsanReport::involvedStacks() const {
  std::vector<const TsanStack *> Result;
  for (const TsanAccess &A : Accesses)
    Result.push_back(&A.Stack);
  for (const TsanLockEdge &E : LockEdges) {
    Result.push_back(&E.AcquiredAt);
    if (!E.HeldAcquiredAt.Frames.empty())
      Result.push_back(&E.HeldAcquiredAt);
  }
  for (const TsanStack &S : Stacks)
    Result.push_back(&S);
  // A leaked thread is identified by where it was created; for every other
  // kind the creation stacks are context, not part of the bug.
  if (Kind == TsanReportKind::ThreadLeak)
    for (const TsanThread &T : Threads)
      Result.push_back(&T.Creation);
  return Result;
}

} // namespace racelab
