//===- DanglingCaptureDetector.cpp - Threads outliving borrowed locals ----===//
#include "DanglingCaptureDetector.h"

#include <set>

namespace racelab {
namespace analysis {

namespace {

/// True if context C is Ancestor or runs below it.
bool descendsFrom(const std::vector<ThreadContext> &Threads, unsigned C, unsigned Ancestor) {
  while (true) {
    if (C == Ancestor)
      return true;
    if (Threads[C].Parent == C)
      return false;
    C = Threads[C].Parent;
  }
}

} // namespace

std::vector<DanglingCaptureFinding> findDanglingCaptures(const RaceAnalysis &A) {
  const std::vector<ThreadContext> &Threads = A.threads();
  std::vector<DanglingCaptureFinding> Out;
  std::set<std::pair<const clang::VarDecl *, unsigned>> Reported;
  for (const ScopeEndEvent &S : A.scopeEnds()) {
    for (unsigned Id : S.Running) {
      if (!Reported.insert({S.Var, Id}).second)
        continue;
      // The first use of the local by the thread (or a thread it starts):
      // a thread that never touches it does not dangle in practice.
      const AccessRecord *Use = nullptr;
      for (const AccessRecord &R : A.accesses())
        if (R.Loc.Kind == AbstractLocation::RootKind::Local && R.Loc.Root == S.Var &&
            R.Loc.Owner == S.Context && descendsFrom(Threads, R.Context, Id)) {
          Use = &R;
          break;
        }
      // Seen through a view, the uses are not recorded on the local: the
      // thread was handed the view to use it.
      const ThreadContext &Borrower = Threads[Id];
      if (!Use && !Borrower.Viewed.count(S.Var))
        continue;
      const ThreadContext &T = Threads[Id];
      DanglingCaptureFinding F;
      F.Variable = S.Var->getName().str();
      auto Borrowed = T.Borrowed.find(S.Var);
      F.SpawnAt = Borrowed != T.Borrowed.end() ? Borrowed->second : T.Spawn;
      F.DeclaredAt = S.Var->getLocation();
      F.ScopeEndAt = S.Where;
      F.UseAt = Use ? Use->Where : clang::SourceLocation();
      F.Detached = T.Detached;
      F.ThroughView = T.Viewed.count(S.Var) != 0;
      F.Thread.InMain = false;
      F.Thread.Spawn = T.Spawn;
      F.Thread.Entry = T.Entry;
      F.Thread.Many = T.Many;
      Out.push_back(std::move(F));
    }
  }
  return Out;
}

} // namespace analysis
} // namespace racelab
