//===- DeadlockDetector.cpp - From lock events to deadlocks ---------------===//
#include "DeadlockDetector.h"

#include "LockIdentity.h"
#include "StdLibrary.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

/// Longest lock cycle looked for, and how many ways of picking one edge
/// per step are tried for one cycle of mutexes.
constexpr size_t MaxCycleLength = 6;
constexpr unsigned MaxInstanceTries = 20000;

bool isMutex(const AbstractLocation &L) { return mutexKindOf(L).has_value(); }

/// Is V written anywhere after its declaration (assigned, incremented,
/// swapped, its address taken, bound to a non-const reference)?
class ModificationFinder : public RecursiveASTVisitor<ModificationFinder> {
public:
  explicit ModificationFinder(const VarDecl *V) : V(V) {}
  bool Modified = false;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && names(BO->getLHS()))
      Modified = true;
    return !Modified;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        names(UO->getSubExpr()))
      Modified = true;
    return !Modified;
  }
  bool VisitCallExpr(CallExpr *CE) {
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      if (!names(CE->getArg(I)))
        continue;
      // An argument bound to a non-const reference (std::swap(l, r)), or a
      // call we cannot see the parameters of.
      QualType P = paramTypeOfArg(CE, I);
      if (P.isNull() ||
          (P->isReferenceType() && !P.getNonReferenceType().isConstQualified())) {
        Modified = true;
        break;
      }
    }
    return !Modified;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCapturedVar() == V &&
          C.getCaptureKind() == LCK_ByRef)
        Modified = true; // Could be written in there.
    return !Modified;
  }

private:
  bool names(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  }
  const VarDecl *V;
};

bool neverModified(const VarDecl *V) {
  if (V->getType().isConstQualified())
    return true;
  const auto *Fn = dyn_cast<FunctionDecl>(V->getDeclContext());
  if (!Fn || !Fn->hasBody())
    return false;
  ModificationFinder Finder(V);
  Finder.TraverseStmt(Fn->getBody());
  return !Finder.Modified;
}

/// E without casts, with locals that are never reassigned replaced by
/// their initialiser (`int Left = I;` reads as `I`).
const Expr *valueOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = E->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || !V->isLocalVarDecl() || !V->getInit() || !neverModified(V))
      return E;
    E = V->getInit();
  }
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

const ValueDecl *plainVariable(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr))
    if (isa<VarDecl>(DRE->getDecl()))
      return DRE->getDecl();
  return nullptr;
}

/// `(V + c) % N`, `(V - 1 + N) % N`, `(V + N - 1) % N`: V's neighbour on a
/// ring of N. Returns V.
const ValueDecl *ringNeighbourOf(const Expr *E) {
  const auto *Rem = dyn_cast_or_null<BinaryOperator>(E);
  if (!Rem || Rem->getOpcode() != BO_Rem)
    return nullptr;
  // Find V among the terms of the sum on the left; the other terms must
  // not be V again.
  const ValueDecl *Found = nullptr;
  unsigned Uses = 0;
  std::function<void(const Expr *)> Walk = [&](const Expr *T) {
    T = valueOf(T);
    if (const auto *BO = dyn_cast<BinaryOperator>(T);
        BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub)) {
      Walk(BO->getLHS());
      Walk(BO->getRHS());
      return;
    }
    if (const ValueDecl *V = plainVariable(T)) {
      if (!V->getType()->isIntegerType() || V->getType().isConstQualified())
        return; // N itself, a constant bound.
      Found = V;
      ++Uses;
    }
  };
  const Expr *Sum = valueOf(Rem->getLHS());
  const auto *BO = dyn_cast<BinaryOperator>(Sum);
  if (!BO || (BO->getOpcode() != BO_Add && BO->getOpcode() != BO_Sub))
    return nullptr; // V % N alone is V itself.
  Walk(Sum);
  return Uses == 1 ? Found : nullptr;
}

/// +1: the element taken first is the thread's own (`forks[i]`), the one
/// taken next its neighbour's (`forks[(i + 1) % N]`); -1: the other way
/// round; 0: not this shape.
int ringDirection(const AbstractLocation &First, const AbstractLocation &Next) {
  auto LastIndex = [](const AbstractLocation &L) -> const Expr * {
    for (auto It = L.Path.rbegin(); It != L.Path.rend(); ++It)
      if (It->K == PathElement::Kind::Element)
        return It->IndexExpr;
    return nullptr;
  };
  const Expr *X = valueOf(LastIndex(First)), *Y = valueOf(LastIndex(Next));
  if (!X || !Y)
    return 0;
  const ValueDecl *OwnX = plainVariable(X), *OwnY = plainVariable(Y);
  if (OwnX && ringNeighbourOf(Y) == OwnX)
    return 1;
  if (OwnY && ringNeighbourOf(X) == OwnY)
    return -1;
  return 0;
}

/// Same abstract mutex, and its subscripts (if any) written the same: two
/// slices `Forks[I]` and `Forks[(I + 1) % N]` of one thread share an
/// abstract location but are different mutexes.
bool sameMutex(const AbstractLocation &X, const AbstractLocation &Y, const ASTContext &Ctx) {
  if (!(X == Y))
    return false;
  for (size_t I = 0; I < X.Path.size(); ++I) {
    const Expr *A = X.Path[I].IndexExpr, *B = Y.Path[I].IndexExpr;
    if (!A || !B || A == B)
      continue;
    llvm::FoldingSetNodeID IA, IB;
    A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
    B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
    if (IA != IB)
      return false;
  }
  return true;
}

} // namespace

ThreadInfo DeadlockDetector::threadOf(unsigned Context) const {
  const ThreadContext &T = A.threads()[Context];
  ThreadInfo I;
  I.InMain = T.Parent == T.Id;
  I.Spawn = T.Spawn;
  I.Entry = T.Entry;
  I.Many = T.Many;
  return I;
}

std::vector<SourceLocation> DeadlockDetector::callsBelow(const LockEvent &E,
                                                         unsigned Depth) {
  if (Depth >= E.Calls.size())
    return {};
  return std::vector<SourceLocation>(E.Calls.begin() + Depth, E.Calls.end());
}

bool DeadlockDetector::pthreadMutexesMayBeRecursive() const {
  using namespace ast_matchers;
  // pthread_mutexattr_settype(..., PTHREAD_MUTEX_RECURSIVE) is the way;
  // any settype call makes the kind of every pthread mutex a run-time fact.
  auto Matches = match(
      findAll(callExpr(callee(functionDecl(hasName("pthread_mutexattr_settype"))))),
      A.ast());
  return !Matches.empty();
}

std::vector<DoubleLockFinding> DeadlockDetector::findDoubleLocks() const {
  std::vector<DoubleLockFinding> Out;
  std::set<unsigned> Reported; // Raw encodings of re-lock locations.
  bool PthreadMayRecurse = pthreadMutexesMayBeRecursive();
  for (const LockEvent &E : A.lockEvents()) {
    std::optional<MutexKind> Kind = mutexKindOf(E.Point.Loc);
    if (!Kind || *Kind == MutexKind::Recursive || *Kind == MutexKind::Unknown ||
        (*Kind == MutexKind::Pthread && PthreadMayRecurse))
      continue;
    if (!isSingleObject(E.Point.Loc, A.ast()))
      continue;
    for (const HeldLock &H : E.Point.Locks) {
      if (H.Pseudo || !sameMutex(H.Mutex, E.Point.Loc, A.ast()) || (H.Shared && E.Shared))
        continue;
      if (!Reported.insert(E.Point.Where.getRawEncoding()).second)
        break;
      DoubleLockFinding F;
      F.Mutex = E.Point.Loc.Name;
      F.FirstAt = H.AcquiredAt;
      F.SecondAt = E.Point.Where;
      F.Calls = callsBelow(E, H.Depth);
      F.FirstShared = H.Shared;
      F.SecondShared = E.Shared;
      F.Thread = threadOf(E.Point.Context);
      Out.push_back(std::move(F));
      break;
    }
  }
  return Out;
}

std::vector<DeadlockDetector::Edge> DeadlockDetector::edges() const {
  std::vector<Edge> Out;
  std::set<std::string> Seen;
  for (const LockEvent &E : A.lockEvents()) {
    if (E.How == LockHow::Try || !isMutex(E.Point.Loc))
      continue;
    // Re-locking a mutex the thread holds never waits for another thread:
    // a recursive one passes, any other waits for itself (a double lock).
    if (llvm::any_of(E.Point.Locks, [&](const HeldLock &H) {
          return !H.Pseudo && sameMutex(H.Mutex, E.Point.Loc, A.ast());
        }))
      continue;
    for (const HeldLock &H : E.Point.Locks) {
      if (H.Pseudo || sameMutex(H.Mutex, E.Point.Loc, A.ast()) || !isMutex(H.Mutex))
        continue;
      // The other mutexes of one std::lock / scoped_lock call were taken
      // together with this one, not before it.
      if (E.How == LockHow::Together && H.AcquiredAt == E.Point.Where)
        continue;
      std::string Key = H.Mutex.key() + ">" + E.Point.Loc.key() + "@" +
                        std::to_string(E.Point.Context) + ":" +
                        std::to_string(H.AcquiredAt.getRawEncoding()) + ":" +
                        std::to_string(E.Point.Where.getRawEncoding());
      if (Seen.insert(Key).second)
        Out.push_back({&E, &H});
    }
  }
  return Out;
}

bool DeadlockDetector::simultaneous(const Edge &X, const Edge &Y) const {
  const AccessRecord &PX = X.Event->Point, &PY = Y.Event->Point;
  if (!Order.concurrent(PX, PY))
    return false;
  if (Order.orderedBySync(PX, PY) || Order.orderedBySync(PY, PX))
    return false;
  // A gate: a lock both hold besides the one each waits with serialises
  // them (also a branch only one thread takes).
  for (const HeldLock &L : PX.Locks) {
    if (&L == X.Held)
      continue;
    for (const HeldLock &M : PY.Locks)
      if (&M != Y.Held && L.Mutex.overlaps(M.Mutex) && !(L.Shared && M.Shared))
        return false;
  }
  return true;
}

LockOrderStep DeadlockDetector::step(const Edge &E) const {
  LockOrderStep S;
  S.Held = E.Held->Mutex.Name;
  S.Acquired = E.Event->Point.Loc.Name;
  S.HeldAt = E.Held->AcquiredAt;
  S.AcquiredAt = E.Event->Point.Where;
  S.Calls = callsBelow(*E.Event, E.Held->Depth);
  S.Thread = threadOf(E.Event->Point.Context);
  return S;
}

std::vector<LockOrderFinding> DeadlockDetector::findLockOrderCycles() const {
  std::vector<Edge> All = edges();
  std::vector<LockOrderFinding> Out;

  // The graph over single mutexes: node key -> edges leaving it.
  std::map<std::string, std::vector<const Edge *>> From;
  std::map<std::string, std::string> To; // edge's target key, by edge
  std::set<std::string> Nodes;
  std::map<const Edge *, std::string> Target;
  for (const Edge &E : All) {
    if (!isSingleObject(E.Held->Mutex, A.ast()) ||
        !isSingleObject(E.Event->Point.Loc, A.ast()))
      continue;
    std::string F = E.Held->Mutex.key(), T = E.Event->Point.Loc.key();
    From[F].push_back(&E);
    Target[&E] = T;
    Nodes.insert(F);
    Nodes.insert(T);
  }

  // Elementary cycles, each found once: from its smallest node, through
  // larger nodes only.
  std::vector<std::string> Path;
  std::set<std::string> OnPath;
  std::vector<std::vector<std::string>> Cycles;
  std::function<void(const std::string &, const std::string &)> Search =
      [&](const std::string &Start, const std::string &Node) {
        for (const Edge *E : From[Node]) {
          const std::string &Next = Target[E];
          if (Next == Start) {
            Cycles.push_back(Path);
            continue;
          }
          if (Next < Start || OnPath.count(Next) || Path.size() >= MaxCycleLength)
            continue;
          Path.push_back(Next);
          OnPath.insert(Next);
          Search(Start, Next);
          OnPath.erase(Next);
          Path.pop_back();
        }
      };
  for (const std::string &Start : Nodes) {
    Path = {Start};
    OnPath = {Start};
    Search(Start, Start);
  }
  std::sort(Cycles.begin(), Cycles.end());
  Cycles.erase(std::unique(Cycles.begin(), Cycles.end()), Cycles.end());

  // For each cycle of mutexes, one edge per step, all able to be in
  // progress at once.
  for (const std::vector<std::string> &Cycle : Cycles) {
    size_t N = Cycle.size();
    std::vector<std::vector<const Edge *>> Choices(N);
    for (size_t I = 0; I < N; ++I)
      for (const Edge *E : From[Cycle[I]])
        if (Target[E] == Cycle[(I + 1) % N])
          Choices[I].push_back(E);
    std::vector<const Edge *> Picked;
    unsigned Tries = 0;
    std::function<bool(size_t)> Pick = [&](size_t I) {
      if (I == N)
        return true;
      for (const Edge *E : Choices[I]) {
        if (++Tries > MaxInstanceTries)
          return false;
        bool Fits = llvm::all_of(Picked, [&](const Edge *P) { return simultaneous(*P, *E); });
        if (!Fits)
          continue;
        Picked.push_back(E);
        if (Pick(I + 1))
          return true;
        Picked.pop_back();
      }
      return false;
    };
    if (!Pick(0))
      continue;
    LockOrderFinding F;
    for (const Edge *E : Picked)
      F.Steps.push_back(step(*E));
    Out.push_back(std::move(F));
  }
  findRings(All, Out);
  return Out;
}

void DeadlockDetector::findRings(const std::vector<Edge> &Edges,
                                 std::vector<LockOrderFinding> &Out) const {
  // Edges from an element of an array of mutexes to another element of the
  // same array, grouped by array and thread.
  std::map<std::pair<std::string, unsigned>, std::vector<const Edge *>> Groups;
  for (const Edge &E : Edges) {
    const AbstractLocation &H = E.Held->Mutex, &M = E.Event->Point.Loc;
    if (!hasElementStep(H) || !hasElementStep(M) || collapsedKey(H) != collapsedKey(M))
      continue;
    Groups[{collapsedKey(H), E.Event->Point.Context}].push_back(&E);
  }
  for (const auto &[Key, Group] : Groups) {
    const AccessRecord &P = Group.front()->Event->Point;
    // Several instances of the thread must run at once.
    if (!Order.concurrent(P, P))
      continue;
    // Every instance takes its own element, then its neighbour's, in the
    // same direction round the ring; one taking them the other way round
    // (the classic fix) or in an order we cannot read breaks the cycle.
    int Direction = 0;
    bool Ring = true;
    for (const Edge *E : Group) {
      int D = ringDirection(E->Held->Mutex, E->Event->Point.Loc);
      bool Gated = llvm::any_of(E->Event->Point.Locks, [&](const HeldLock &L) {
        return &L != E->Held && !(L.Mutex == E->Held->Mutex);
      });
      if (D == 0 || Gated || (Direction != 0 && D != Direction)) {
        Ring = false;
        break;
      }
      Direction = D;
    }
    if (!Ring)
      continue;
    LockOrderFinding F;
    F.Ring = true;
    F.Steps.push_back(step(*Group.front()));
    Out.push_back(std::move(F));
  }
}

std::vector<JoinWhileHoldingFinding> DeadlockDetector::findJoinsWhileHolding() const {
  std::vector<JoinWhileHoldingFinding> Out;
  std::set<std::pair<unsigned, std::string>> Reported;
  for (const JoinEvent &J : A.joinEvents()) {
    for (const HeldLock &H : J.Point.Locks) {
      if (H.Pseudo || !isMutex(H.Mutex) || !isSingleObject(H.Mutex, A.ast()))
        continue;
      for (const LockEvent &E : A.lockEvents()) {
        if (E.How == LockHow::Try || !llvm::is_contained(J.Joined, E.Point.Context) ||
            !(E.Point.Loc == H.Mutex) || (E.Shared && H.Shared))
          continue;
        // Done with the lock before the joiner took it: no wait.
        if (Order.orderedBySync(E.Point, J.Point))
          continue;
        if (!Reported.insert({J.Point.Where.getRawEncoding(), H.Mutex.key()}).second)
          continue;
        JoinWhileHoldingFinding F;
        F.Mutex = H.Mutex.Name;
        F.HeldAt = H.AcquiredAt;
        F.JoinAt = J.Point.Where;
        F.AcquiredAt = E.Point.Where;
        F.Waiting = threadOf(J.Point.Context);
        F.Joined = threadOf(E.Point.Context);
        Out.push_back(std::move(F));
        break;
      }
    }
  }
  return Out;
}

} // namespace analysis
} // namespace racelab
