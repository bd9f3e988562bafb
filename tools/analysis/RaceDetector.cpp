//===- RaceDetector.cpp - From access records to data races ---------------===//
#include "RaceDetector.h"

#include <algorithm>
#include <map>
#include <set>

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

/// The chain of contexts from C up to its root, C first.
std::vector<unsigned> ancestry(const std::vector<ThreadContext> &Threads, unsigned C) {
  std::vector<unsigned> Chain{C};
  while (Threads[C].Parent != C) {
    C = Threads[C].Parent;
    Chain.push_back(C);
  }
  return Chain;
}

/// Records that agree on everything but their source location are the same
/// fact for the detector; keeping one of each keeps pairing cheap on large
/// inputs.
std::string factKey(const AccessRecord &R) {
  std::string K = R.Loc.key() + (R.IsWrite ? "w" : "r") + (R.IsInit ? "i" : "") +
                  std::to_string(R.Context);
  for (unsigned T : R.Live)
    K += "," + std::to_string(T);
  K += "|";
  for (const HeldLock &L : R.Locks)
    K += L.Mutex.key() + (L.Shared ? "s" : "x");
  K += "|";
  for (unsigned S : R.Acquired)
    K += std::to_string(S) + ";";
  // Position matters for ordering by release: a later access may come
  // after a release an earlier one came before.
  K += "#" + std::to_string(R.Seq);
  return K;
}

} // namespace

bool RaceDetector::before(SourceLocation X, SourceLocation Y) const {
  X = SM.getExpansionLoc(X);
  Y = SM.getExpansionLoc(Y);
  if (X == Y)
    return false;
  return SM.isBeforeInTranslationUnit(X, Y);
}

bool RaceDetector::commonLock(const AccessRecord &X, const AccessRecord &Y) {
  // Locks that may be the same mutex count as the same: a per-element
  // mutex taken as `Accounts[i].M` on one side and `Accounts[0].M` on the
  // other protects the element the data belongs to (precision first).
  for (const HeldLock &L : X.Locks)
    for (const HeldLock &M : Y.Locks)
      if (L.Mutex.overlaps(M.Mutex) && !(L.Shared && M.Shared))
        return true;
  return false;
}

bool RaceDetector::concurrent(const AccessRecord &X, const AccessRecord &Y) const {
  const std::vector<ThreadContext> &Threads = A.threads();
  if (Threads[X.Context].Root != Threads[Y.Context].Root)
    return false;
  if (X.Context == Y.Context) {
    // Two instances of one thread: it, or a thread above it, was started
    // more than once.
    for (unsigned C = X.Context; Threads[C].Parent != C; C = Threads[C].Parent)
      if (Threads[C].Many)
        return true;
    return false;
  }
  std::vector<unsigned> CX = ancestry(Threads, X.Context);
  std::vector<unsigned> CY = ancestry(Threads, Y.Context);
  // Lowest common ancestor, and the child of it on each side.
  unsigned IX = 0, IY = 0;
  bool Found = false;
  for (IX = 0; IX < CX.size() && !Found; ++IX)
    for (IY = 0; IY < CY.size(); ++IY)
      if (CX[IX] == CY[IY]) {
        Found = true;
        break;
      }
  if (!Found)
    return false;
  --IX; // The loop stepped past the match.
  if (IX == 0)      // X runs in the common ancestor itself.
    return X.Live.count(CY[IY - 1]) != 0;
  if (IY == 0)
    return Y.Live.count(CX[IX - 1]) != 0;
  unsigned SX = CX[IX - 1], SY = CY[IY - 1];
  return Threads[SX].LiveAtSpawn.count(SY) || Threads[SY].LiveAtSpawn.count(SX);
}

bool RaceDetector::orderedBySync(const AccessRecord &Before,
                                 const AccessRecord &After) const {
  // Before's thread releases K after Before (its last release of K comes
  // later in its walk), and After's thread acquired K before After.
  const ThreadContext &T = A.threads()[Before.Context];
  for (unsigned K : After.Acquired) {
    auto It = T.Releases.find(K);
    if (It != T.Releases.end() && It->second > Before.Seq)
      return true;
  }
  return false;
}

AccessInfo RaceDetector::describe(const AccessRecord &R) const {
  const ThreadContext &T = A.threads()[R.Context];
  AccessInfo I;
  I.Loc = R.Where;
  I.IsWrite = R.IsWrite;
  I.Thread.InMain = T.Parent == T.Id;
  I.Thread.Spawn = T.Spawn;
  I.Thread.Entry = T.Entry;
  I.Thread.Many = T.Many;
  for (const HeldLock &L : R.Locks)
    if (!L.Pseudo)
      I.Locks.push_back({L.Mutex.Name, L.Shared, L.AcquiredAt});
  return I;
}

std::vector<DataRaceFinding> RaceDetector::findRaces() const {
  // One record per distinct fact, the earliest in the source.
  std::map<std::string, const AccessRecord *> Unique;
  for (const AccessRecord &R : A.accesses()) {
    auto [It, New] = Unique.try_emplace(factKey(R), &R);
    if (!New && before(R.Where, It->second->Where))
      It->second = &R;
  }
  // Group by root: only accesses below one root can touch the same memory.
  std::map<std::string, std::vector<const AccessRecord *>> ByRoot;
  for (const auto &[Key, R] : Unique) {
    AbstractLocation Root = R->Loc;
    Root.Path.clear();
    // Heap objects of every owner pair up (mayShareRoot decides).
    if (Root.Kind == AbstractLocation::RootKind::Heap)
      Root.Owner = 0;
    ByRoot[Root.key()].push_back(R);
  }

  // The best pair per variable (the write's full location): earliest write,
  // then earliest partner.
  struct Pair {
    const AccessRecord *Write;
    const AccessRecord *Other;
  };
  std::map<std::string, Pair> Best;
  for (auto &[RootKey, Group] : ByRoot) {
    for (size_t I = 0; I < Group.size(); ++I) {
      // J == I pairs an access with itself: two instances of a thread
      // started many times.
      for (size_t J = I; J < Group.size(); ++J) {
        const AccessRecord *X = Group[I], *Y = Group[J];
        if (!X->IsWrite && !Y->IsWrite)
          continue;
        if (!X->Loc.overlaps(Y->Loc))
          continue;
        // Reading a container's bookkeeping (size(), begin()) does not touch
        // its elements; only changing it (push_back reallocating) does.
        if ((X->Loc.isStructure() && !X->IsWrite && Y->Loc.reachesElement()) ||
            (Y->Loc.isStructure() && !Y->IsWrite && X->Loc.reachesElement()))
          continue;
        // A local or heap object of a thread started many times: each
        // instance has its own.
        if (X->Context == Y->Context && X->Loc.Owner == X->Context &&
            X->Loc.Kind != AbstractLocation::RootKind::Global)
          continue;
        if (!concurrent(*X, *Y) || commonLock(*X, *Y))
          continue;
        if (orderedBySync(*X, *Y) || orderedBySync(*Y, *X))
          continue;
        const AccessRecord *W = X->IsWrite ? X : Y;
        const AccessRecord *O = W == X ? Y : X;
        if (X->IsWrite && Y->IsWrite && before(Y->Where, X->Where)) {
          W = Y;
          O = X;
        }
        AbstractLocation VarLoc = W->Loc.variable();
        if (VarLoc.Kind == AbstractLocation::RootKind::Heap)
          VarLoc.Owner = 0; // One object, whichever thread allocated it.
        std::string Var = VarLoc.key();
        auto It = Best.find(Var);
        if (It == Best.end()) {
          Best.emplace(Var, Pair{W, O});
          continue;
        }
        // Prefer a real write over the initialisation of a new object, then
        // the earliest write, then the earliest partner.
        Pair &P = It->second;
        bool Better = W->IsInit != P.Write->IsInit
                          ? !W->IsInit
                          : before(W->Where, P.Write->Where) ||
                                (W->Where == P.Write->Where &&
                                 before(O->Where, P.Other->Where));
        if (Better)
          P = Pair{W, O};
      }
    }
  }

  // A race with the initialisation of a new object says less than a race
  // on one of its fields: keep the former only when it is all there is.
  std::set<std::string> HeapWithFieldRaces;
  for (const auto &[Var, P] : Best)
    if (!P.Write->IsInit && P.Write->Loc.Kind == AbstractLocation::RootKind::Heap) {
      AbstractLocation Root = P.Write->Loc;
      Root.Path.clear();
      Root.Owner = 0;
      HeapWithFieldRaces.insert(Root.key());
    }
  std::vector<DataRaceFinding> Findings;
  for (const auto &[Var, P] : Best) {
    if (P.Write->IsInit) {
      AbstractLocation Root = P.Write->Loc;
      Root.Path.clear();
      Root.Owner = 0;
      if (HeapWithFieldRaces.count(Root.key()))
        continue;
    }
    DataRaceFinding F;
    F.Variable = P.Write->Loc.variable().Name;
    F.First = describe(*P.Write);
    F.Second = describe(*P.Other);
    Findings.push_back(std::move(F));
  }
  // Source order, so every front end prints the same thing every time.
  std::sort(Findings.begin(), Findings.end(),
            [&](const DataRaceFinding &X, const DataRaceFinding &Y) {
              if (X.First.Loc != Y.First.Loc)
                return before(X.First.Loc, Y.First.Loc);
              if (X.Variable != Y.Variable)
                return X.Variable < Y.Variable;
              return before(X.Second.Loc, Y.Second.Loc);
            });
  return Findings;
}

} // namespace analysis
} // namespace racelab
