//===- FunctionWalker.cpp - Walk one activation over its CFG --------------===//
#include "FunctionWalker.h"

#include "CallbackStore.h"
#include "StdLibrary.h"
#include "UnjoinedThreadCheck.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

#include <algorithm>
#include <sstream>

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

const Expr *strip(const Expr *E) { return LocationResolver::strip(E); }

/// Bounds on the thread structure the analysis builds for one root: deeper
/// nesting or more threads only happen in generated or runaway programs.
constexpr unsigned MaxThreadNesting = 8;
constexpr size_t MaxThreads = 4096;

/// Strips casts of every kind too (for callables and handles).
const Expr *stripAll(const Expr *E) {
  while (E) {
    const Expr *Next = strip(E->IgnoreParenCasts());
    if (const auto *CE = dyn_cast<CallExpr>(Next))
      if (const FunctionDecl *Fn = CE->getDirectCallee())
        if (Fn->isInStdNamespace() && Fn->getIdentifier() &&
            (Fn->getName() == "move" || Fn->getName() == "forward") &&
            CE->getNumArgs() == 1)
          Next = CE->getArg(0);
    if (const auto *CC = dyn_cast<CXXConstructExpr>(Next))
      if (CC->getNumArgs() == 1 && CC->getConstructor()->isCopyOrMoveConstructor())
        Next = CC->getArg(0);
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = FC->getSubExpr();
    // std::function<void()>(lambda): the lambda.
    if (const auto *CC = dyn_cast<CXXConstructExpr>(Next))
      if (CC->getNumArgs() == 1 &&
          isStdType(CC->getType(), {"function", "move_only_function", "copyable_function"}))
        Next = CC->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// std::ref(x) / std::cref(x): the x.
const Expr *refTarget(const Expr *E) {
  E = strip(E);
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E))
    if (const FunctionDecl *Fn = CE->getDirectCallee())
      if (Fn->isInStdNamespace() && Fn->getIdentifier() &&
          (Fn->getName() == "ref" || Fn->getName() == "cref") &&
          CE->getNumArgs() == 1)
        return CE->getArg(0);
  return nullptr;
}

const VarDecl *varOf(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

bool isPointerLike(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType() || isSmartPointerType(T))
    return true;
  // Iterators: class types with operator* from std.
  if (const CXXRecordDecl *R = T->getAsCXXRecordDecl())
    if (R->isInStdNamespace() && R->getIdentifier() &&
        R->getName().contains("iterator"))
      return true;
  return false;
}

/// A memory_order argument that says relaxed.
bool isRelaxed(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getName().contains("relaxed");
  return false;
}

std::string functionName(const FunctionDecl *Fn) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(Fn))
    if (M->getParent()->isLambda())
      return "lambda";
  return Fn->getQualifiedNameAsString();
}

const FunctionDecl *definitionOf(const FunctionDecl *Fn) {
  if (!Fn)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (Fn->hasBody(Def))
    return Def;
  return nullptr;
}

} // namespace

FunctionWalker::FunctionWalker(RaceAnalysis &A, Frame F, bool Record)
    : A(A), F(std::move(F)), RecordWanted(Record) {}

void FunctionWalker::prescan() {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    FunctionWalker &W;
    explicit Visitor(FunctionWalker &W) : W(W) {}
    bool shouldVisitLambdaExpr(LambdaExpr *) { return false; }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; } // Own bodies.
    bool VisitVarDecl(VarDecl *V) {
      if (const Expr *Init = V->getInit()) {
        W.InitOf[strip(Init)] = V;
        if (V->isStaticLocal()) {
          std::vector<const Stmt *> Work{Init};
          while (!Work.empty()) {
            const Stmt *S = Work.back();
            Work.pop_back();
            if (!S || !W.StaticInitNodes.insert(S).second)
              continue;
            for (const Stmt *Child : S->children())
              Work.push_back(Child);
          }
        }
      }
      return true;
    }
    bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
      W.RangeOf[S->getLoopVariable()] = S->getRangeInit();
      // A thread per element: each gets its own element.
      if (startsThreads(S->getBody()))
        W.SpawningRangeVars.insert(S->getLoopVariable());
      if (S->getRangeStmt() && joinsEach(S->getBody(), S->getLoopVariable(), nullptr))
        W.JoinLoops[S->getRangeStmt()].push_back(S->getRangeInit());
      return true;
    }
    bool VisitForStmt(ForStmt *S) {
      // A loop that starts a thread per iteration: its counter gives each
      // thread its own slot (ids[i] = i; pthread_create(..., &ids[i])).
      if (const auto *Init = dyn_cast_or_null<DeclStmt>(S->getInit());
          Init && Init->isSingleDecl() && startsThreads(S->getBody()))
        if (const auto *Counter = dyn_cast<VarDecl>(Init->getSingleDecl())) {
          W.F.Private.insert(Counter);
          W.F.PrivateKey[Counter] = "arg?"; // Handed to each thread.
        }
      // for (int I = 0; ...; ++I) Threads[I].join();
      const auto *Init = dyn_cast_or_null<DeclStmt>(S->getInit());
      if (!Init || !Init->isSingleDecl())
        return true;
      const auto *Counter = dyn_cast<VarDecl>(Init->getSingleDecl());
      const Expr *Container = nullptr;
      if (Counter && joinsEach(S->getBody(), Counter, &Container) && Container)
        W.JoinLoops[Init].push_back(Container);
      return true;
    }
    bool startsThreads(const Stmt *Body) {
      std::vector<const Stmt *> Work{Body};
      while (!Work.empty()) {
        const Stmt *S = Work.back();
        Work.pop_back();
        if (!S)
          continue;
        if (const auto *CC = dyn_cast<CXXConstructExpr>(S);
            CC && isThreadType(CC->getType()) && CC->getNumArgs() >= 1)
          return true;
        if (const auto *CE = dyn_cast<CallExpr>(S))
          if (const FunctionDecl *Fn = CE->getDirectCallee()) {
            if (isCFunction(Fn, "pthread_create"))
              return true;
            if (const auto *M = dyn_cast<CXXMethodDecl>(Fn);
                M && M->getIdentifier() && M->getName().starts_with("emplace") &&
                isStdContainerType(QualType(M->getParent()->getTypeForDecl(), 0)))
              return true;
          }
        for (const Stmt *Child : S->children())
          Work.push_back(Child);
      }
      return false;
    }
    /// Does Body join the thread named by Var (the range variable), or the
    /// element Container[Var] (a counted loop)?
    static bool joinsEach(const Stmt *Body, const VarDecl *Var, const Expr **Container) {
      if (!Body)
        return false;
      auto Matches = [&](const Expr *Handle) {
        Handle = LocationResolver::strip(Handle->IgnoreParenCasts());
        if (const auto *U = dyn_cast<UnaryOperator>(Handle); U && U->getOpcode() == UO_AddrOf)
          Handle = LocationResolver::strip(U->getSubExpr()->IgnoreParenCasts());
        if (!Container)
          return varOf(Handle) == Var;
        const Expr *Base = nullptr, *Index = nullptr;
        if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Handle)) {
          Base = AS->getBase();
          Index = AS->getIdx();
        } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Handle);
                   OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2) {
          Base = OC->getArg(0);
          Index = OC->getArg(1);
        }
        if (!Base || varOf(Index->IgnoreParenImpCasts()) != Var)
          return false;
        *Container = Base->IgnoreParenImpCasts();
        return true;
      };
      bool Found = false;
      std::vector<const Stmt *> Work{Body};
      while (!Work.empty() && !Found) {
        const Stmt *S = Work.back();
        Work.pop_back();
        if (!S)
          continue;
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
          const CXXMethodDecl *M = MC->getMethodDecl();
          if (M && M->getIdentifier() &&
              (M->getName() == "join" || M->getName() == "get" || M->getName() == "wait"))
            Found |= Matches(MC->getImplicitObjectArgument());
        } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
          if (isCFunction(CE->getDirectCallee(), "pthread_join") && CE->getNumArgs() >= 1)
            Found |= Matches(CE->getArg(0));
        }
        for (const Stmt *Child : S->children())
          Work.push_back(Child);
      }
      return Found;
    }
    static bool isAsync(const Expr *E) {
      const auto *CE = dyn_cast_or_null<CallExpr>(E);
      const FunctionDecl *Fn = CE ? CE->getDirectCallee() : nullptr;
      return Fn && Fn->isInStdNamespace() && Fn->getIdentifier() &&
             Fn->getName() == "async";
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      if (MC->getNumArgs() >= 1 && isThreadType(MC->getArg(0)->getType()))
        W.SpawnHandledByParent.insert(strip(MC->getArg(0)));
      if (MC->getNumArgs() >= 1 && isAsync(strip(MC->getArg(0))))
        W.AsyncHandledByParent.insert(strip(MC->getArg(0)));
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          isThreadType(OC->getArg(0)->getType()))
        W.SpawnHandledByParent.insert(strip(OC->getArg(1)));
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          isAsync(strip(OC->getArg(1))))
        W.AsyncHandledByParent.insert(strip(OC->getArg(1)));
      return true;
    }
  } V(*this);
  if (Stmt *Body = F.Function->getBody())
    V.TraverseStmt(Body);
  // Member initialisers are walked as CFGInitializer elements.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F.Function))
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->getInit()) {
        SpawnHandledByParent.insert(strip(I->getInit()));
        InitOf[strip(I->getInit())] = nullptr;
      }
}

CallResult FunctionWalker::run(const FlowState &Entry) {
  Result.Exit = Entry;
  const CFG *G = A.cfgFor(F.Function);
  if (!G)
    return Result;
  A.Walked.insert(F.Function->getCanonicalDecl());
  prescan();

  // Reverse post-order from the entry block, visiting successors last to
  // first: a loop's exit is then finished before its body, so the body
  // comes first in the order -- source order, which the record walk uses
  // to tell an access before a release from one after it.
  std::vector<const CFGBlock *> Order;
  {
    std::vector<bool> Seen(G->getNumBlockIDs());
    std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_reverse_iterator>>
        Stack;
    Stack.push_back({&G->getEntry(), G->getEntry().succ_rbegin()});
    Seen[G->getEntry().getBlockID()] = true;
    while (!Stack.empty()) {
      auto &[B, It] = Stack.back();
      if (It == B->succ_rend()) {
        Order.push_back(B);
        Stack.pop_back();
        continue;
      }
      const CFGBlock *Next = It->getReachableBlock();
      ++It;
      if (Next && !Seen[Next->getBlockID()]) {
        Seen[Next->getBlockID()] = true;
        Stack.push_back({Next, Next->succ_rbegin()});
      }
    }
    std::reverse(Order.begin(), Order.end());
  }

  std::vector<std::optional<FlowState>> In(G->getNumBlockIDs());
  In[G->getEntry().getBlockID()] = Entry;
  // Locks only shrink and live threads only grow, so this settles; the cap
  // only guards against a bug turning into a hang.
  for (unsigned Round = 0; Round < 32; ++Round) {
    bool Changed = false;
    for (const CFGBlock *B : Order) {
      if (!In[B->getBlockID()])
        continue;
      FlowState S = *In[B->getBlockID()];
      transferBlock(B, S, /*Record=*/false);
      unsigned Index = 0;
      for (auto It = B->succ_begin(); It != B->succ_end(); ++It, ++Index) {
        const CFGBlock *Succ = It->getReachableBlock();
        if (!Succ)
          continue;
        FlowState Edge = edgeState(B, Index, S);
        std::optional<FlowState> &Target = In[Succ->getBlockID()];
        if (!Target) {
          Target = std::move(Edge);
          Changed = true;
        } else {
          FlowState Joined = *Target;
          Joined.join(Edge);
          if (Joined != *Target) {
            Target = std::move(Joined);
            Changed = true;
          }
        }
      }
    }
    if (!Changed)
      break;
  }

  if (RecordWanted)
    for (const CFGBlock *B : Order)
      if (In[B->getBlockID()]) {
        FlowState S = *In[B->getBlockID()];
        transferBlock(B, S, /*Record=*/true);
      }

  if (const auto &Exit = In[G->getExit().getBlockID()]) {
    Result.Exit = *Exit;
    endLocalHandlesAtExit(Result.Exit);
    if (RecordWanted) {
      Recording = true;
      noteBorrowedLocalsAtExit(Result.Exit);
    }
  } else {
    Result.Exit = Entry; // Never returns (noreturn, endless loop).
  }
  return Result;
}

void FunctionWalker::transferBlock(const CFGBlock *B, FlowState &S, bool Record) {
  Recording = Record;
  CurrentBlock = B;
  for (const CFGElement &E : *B) {
    if (auto CS = E.getAs<CFGStmt>())
      handleStmt(CS->getStmt(), S);
    else if (auto Dtor = E.getAs<CFGAutomaticObjDtor>())
      handleDtor(Dtor->getVarDecl(), S,
                 Dtor->getTriggerStmt() ? Dtor->getTriggerStmt()->getEndLoc()
                                        : SourceLocation());
    else if (auto Init = E.getAs<CFGInitializer>())
      handleInitializer(Init->getInitializer(), S);
    else if (auto MemberDtor = E.getAs<CFGMemberDtor>()) {
      // A jthread member joins when its owner is destroyed.
      const FieldDecl *FD = MemberDtor->getFieldDecl();
      if (F.This && FD && isJThreadType(FD->getType()))
        join(F.This->field(FD), S);
    }
  }
}

bool FunctionWalker::isCompareExchange(const Expr *E, unsigned Depth) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && M->getName().starts_with("compare_exchange") &&
        isAtomicType(strip(MC->getImplicitObjectArgument())->getType()))
      return true;
  }
  if (const auto *AE = dyn_cast<AtomicExpr>(E))
    return AE->isCmpXChg();
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *Fn = CE ? CE->getDirectCallee() : nullptr;
  if (!Fn)
    return false;
  if (Fn->getIdentifier() && Fn->getName().starts_with("atomic_compare_exchange"))
    return true;
  const FunctionDecl *Def = definitionOf(Fn);
  if (!Def || A.isLibraryCode(Def) || Depth > 2)
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() == 0)
    return false;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_back());
  return Ret && Ret->getRetValue() && isCompareExchange(Ret->getRetValue(), Depth + 1);
}

int FunctionWalker::exclusiveBranch(const CFGBlock *B) const {
  const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
  if (!Cond)
    return -1;
  const Expr *E = Cond->IgnoreParenImpCasts();
  bool Negated = false;
  while (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  bool Exclusive = false;
  // The winner of a compare-exchange (also through a one-line helper,
  // `bool tryClaim() { return owner.compare_exchange_strong(...); }`).
  if (isCompareExchange(E, 0)) {
    Exclusive = true;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E);
             BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
    // The one thread whose own index is this constant.
    LocationResolver R = resolver();
    const Expr *L = BO->getLHS(), *Rh = BO->getRHS();
    bool Identity = (R.sliceShape(L).Slice && R.constantIndex(Rh) >= 0) ||
                    (R.sliceShape(Rh).Slice && R.constantIndex(L) >= 0);
    if (Identity) {
      Exclusive = true;
      if (BO->getOpcode() == BO_NE)
        Negated = !Negated;
    }
  }
  if (!Exclusive)
    return -1;
  return Negated ? 1 : 0;
}

FlowState FunctionWalker::edgeState(const CFGBlock *B, unsigned SuccIndex,
                                    const FlowState &Out) {
  if (int Taken = exclusiveBranch(B); Taken >= 0) {
    if (static_cast<int>(SuccIndex) != Taken)
      return Out;
    // Only one thread gets here: like a lock of its own, never released.
    AbstractLocation Branch;
    Branch.Kind = AbstractLocation::RootKind::Global;
    Branch.Root = B->getTerminatorCondition();
    Branch.Name = "(only one thread takes this branch)";
    FlowState S = Out;
    S.acquire(Branch, false, B->getTerminatorCondition()->getBeginLoc(), /*Pseudo=*/true);
    return S;
  }
  const Stmt *Cond = B->getTerminatorCondition();
  const auto *CondExpr = dyn_cast_or_null<Expr>(Cond);
  if (!CondExpr)
    return Out;
  // Find a try-lock in the condition, possibly negated or compared with 0.
  bool SuccessOnTrue = true;
  const Expr *E = CondExpr->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot) {
    SuccessOnTrue = !SuccessOnTrue;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  bool ComparedWithZero = false, EqualsZero = false;
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
    const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
    const Expr *R = BO->getRHS()->IgnoreParenImpCasts();
    if (const auto *Lit = dyn_cast<IntegerLiteral>(R); Lit && Lit->getValue() == 0) {
      ComparedWithZero = true;
      EqualsZero = BO->getOpcode() == BO_EQ;
      E = L;
    } else if (const auto *Lit2 = dyn_cast<IntegerLiteral>(L);
               Lit2 && Lit2->getValue() == 0) {
      ComparedWithZero = true;
      EqualsZero = BO->getOpcode() == BO_EQ;
      E = R;
    }
  }

  // `while (!Ready.load())`, `if (Ready)`: an atomic flag synchronises only
  // on the edge where it was seen set.
  bool LoadNegated = false;
  if (const Expr *Load = conditionAtomicLoad(B, LoadNegated)) {
    bool SeenSetOnTrueEdge = !LoadNegated;
    if ((SuccIndex == 0) == SeenSetOnTrueEdge) {
      std::optional<AbstractLocation> L;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Load))
        L = resolver().resolve(MC->getImplicitObjectArgument());
      else if (const auto *AE = dyn_cast<AtomicExpr>(Load))
        L = resolver().pointee(AE->getPtr());
      if (L) {
          FlowState S = Out;
          S.Acquired.insert(A.syncId(L->key()));
          return S;
        }
    }
    return Out;
  }

  std::optional<AbstractLocation> Mutex;
  bool Shared = false;
  bool ReturnsZeroOnSuccess = false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (M && M->getIdentifier() && M->getName().starts_with("try_lock")) {
      Shared = M->getName().contains("shared");
      if (isLockable(strip(Obj)->getType()) ||
          (Obj->getType()->isPointerType() &&
           isLockable(Obj->getType()->getPointeeType()))) {
        const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
        Mutex = ME && ME->isArrow() ? resolver().pointee(Obj) : resolver().resolve(Obj);
      } else if (const VarDecl *G = guardOf(Obj)) {
        auto It = Out.Guards.find(G);
        if (It != Out.Guards.end() && It->second.size() == 1)
          Mutex = It->second.front();
      }
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Fn = CE->getDirectCallee();
    if (Fn && CE->getNumArgs() >= 1 &&
        (isCFunction(Fn, "pthread_mutex_trylock") ||
         isCFunction(Fn, "pthread_rwlock_trywrlock") ||
         isCFunction(Fn, "pthread_rwlock_tryrdlock") ||
         isCFunction(Fn, "pthread_spin_trylock"))) {
      Mutex = resolver().pointee(CE->getArg(0));
      Shared = Fn->getName() == "pthread_rwlock_tryrdlock";
      ReturnsZeroOnSuccess = true;
    }
  }
  if (!Mutex)
    return Out;

  // Which outcome of the condition means "the lock was taken"? A member
  // try_lock returns true on success, pthread's trylock returns 0.
  bool RawTruthyMeansSuccess = !ReturnsZeroOnSuccess;
  bool Flip = !SuccessOnTrue; // An outer `!`.
  if (ComparedWithZero && EqualsZero)
    Flip = !Flip; // `x == 0` is `!x`.
  bool CondTrueMeansSuccess = Flip ? !RawTruthyMeansSuccess : RawTruthyMeansSuccess;
  bool Taken = CondTrueMeansSuccess;
  bool OnTrueEdge = SuccIndex == 0;
  if (OnTrueEdge != Taken)
    return Out;
  FlowState S = Out;
  S.acquire(*Mutex, Shared, CondExpr->getExprLoc(), /*Pseudo=*/false, F.Calls.size());
  return S;
}

const Expr *FunctionWalker::conditionAtomicLoad(const CFGBlock *B, bool &Negated) const {
  Negated = false;
  const auto *Cond = dyn_cast_or_null<Expr>(B ? B->getTerminatorCondition() : nullptr);
  if (!Cond)
    return nullptr;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *AE = dyn_cast<AtomicExpr>(E))
    return (AE->getOp() == AtomicExpr::AO__c11_atomic_load ||
            AE->getOp() == AtomicExpr::AO__atomic_load_n)
               ? AE
               : nullptr;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (!MC || !MC->getMethodDecl())
    return nullptr;
  const CXXMethodDecl *M = MC->getMethodDecl();
  bool Load = isa<CXXConversionDecl>(M) ||
              (M->getIdentifier() && (M->getName() == "load" || M->getName() == "test"));
  if (!Load || !isAtomicType(strip(MC->getImplicitObjectArgument())->getType()))
    return nullptr;
  return MC;
}

const VarDecl *FunctionWalker::guardOf(const Expr *E) const {
  const VarDecl *V = varOf(E);
  if (!V || !V->getType()->isReferenceType())
    return V;
  // A reference to the caller's guard: its binding names the variable.
  if (std::optional<AbstractLocation> L = resolver().resolveVariable(V))
    if (L->Kind == AbstractLocation::RootKind::Local && L->Path.empty() && !L->CopyOf)
      return static_cast<const VarDecl *>(L->Root);
  return V;
}

std::string FunctionWalker::syncKeyOf(const Expr *Obj) const {
  if (const VarDecl *V = varOf(Obj))
    for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
      if (auto It = Fr->SyncAlias.find(V); It != Fr->SyncAlias.end())
        return It->second;
  if (auto L = resolver().resolve(Obj))
    return L->key();
  return {};
}

std::string FunctionWalker::futureSourceOf(const Expr *E) const {
  E = stripAll(E);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && M->getName() == "get_future")
      return syncKeyOf(MC->getImplicitObjectArgument());
    if (M && M->getIdentifier() && M->getName() == "share")
      return futureSourceOf(MC->getImplicitObjectArgument());
    return {};
  }
  if (const auto *CC = dyn_cast<CXXConstructExpr>(E); CC && CC->getNumArgs() == 1)
    return futureSourceOf(CC->getArg(0)); // shared_future from a future.
  if (const VarDecl *V = varOf(E))
    for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
      if (auto It = Fr->FutureOf.find(V); It != Fr->FutureOf.end())
        return It->second;
  if (auto L = resolver().resolve(E)) {
    auto It = A.FutureSources.find(L->key());
    if (It != A.FutureSources.end())
      return It->second;
  }
  return {};
}

// --- Accesses ---------------------------------------------------------------

void FunctionWalker::recordAccess(const AbstractLocation &L, bool IsWrite,
                                  SourceLocation Where, FlowState &St, bool IsInit) {
  if (!Recording || F.LocksOnly)
    return;
  AccessRecord R = pointOf(L, Where, St);
  R.IsWrite = IsWrite;
  R.IsInit = IsInit;
  A.record(std::move(R));
}

AccessRecord FunctionWalker::pointOf(const AbstractLocation &L, SourceLocation Where,
                                     const FlowState &St) {
  AccessRecord R;
  R.Loc = L;
  R.Where = Where;
  R.Context = F.Context;
  R.Live = St.Live;
  R.Locks = St.Locks;
  R.Acquired = St.Acquired;
  R.Seq = A.nextSeq();
  return R;
}

static bool ignoredType(QualType T) {
  if (T.isNull())
    return true;
  if (isThreadSafeType(T))
    return true;
  // Closures and functions are code, not shared data.
  if (const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl())
    if (R->isLambda())
      return true;
  return false;
}

void FunctionWalker::read(const Expr *E, FlowState &St) {
  if (!Recording || !E || ignoredType(E->getType()))
    return;
  // A variable declared const is never written, so reading it cannot race.
  // (A member read through a const `this` can be: only declarations count.)
  if (const VarDecl *V = varOf(E); V && V->getType().isConstQualified())
    return;
  if (auto L = resolver().resolve(E))
    recordAccess(*L, false, E->getExprLoc(), St);
}

void FunctionWalker::write(const Expr *E, FlowState &St) {
  if (!Recording || !E || ignoredType(E->getType()))
    return;
  if (auto L = resolver().resolve(E))
    recordAccess(*L, true, E->getExprLoc(), St);
}

// --- Statements ---------------------------------------------------------------

void FunctionWalker::handleStmt(const Stmt *S, FlowState &St) {
  if (StaticInitNodes.count(S))
    return; // Walked with its static variable (handleStaticLocal).
  if (auto It = JoinLoops.find(S); It != JoinLoops.end())
    for (const Expr *Container : It->second) {
      LocationResolver R = resolver();
      std::optional<AbstractLocation> C = R.resolve(Container);
      if (!C)
        C = R.pointee(Container);
      if (C)
        join(C->element(false), St);
    }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        handleDecl(V, St);
    return;
  }
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(S)) {
    if (IC->getCastKind() == CK_LValueToRValue)
      read(IC->getSubExpr(), St);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      handleAssignment(BO, St);
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp()) {
      if (UO->getSubExpr()->getType()->isAtomicType())
        syncRelease(resolver().resolve(UO->getSubExpr()), St);
      else
        write(UO->getSubExpr(), St);
    }
    return;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    return handleOperatorCall(OC, St);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    return handleMemberCall(MC, St);
  if (const auto *CE = dyn_cast<CallExpr>(S))
    return handleCall(CE, St);
  if (const auto *CC = dyn_cast<CXXConstructExpr>(S))
    return handleConstruct(CC, St);
  if (const auto *Del = dyn_cast<CXXDeleteExpr>(S)) {
    std::optional<AbstractLocation> Object = resolver().pointee(Del->getArgument());
    if (Object && !Del->isArrayForm())
      if (const CXXRecordDecl *RD = Del->getDestroyedType()->getAsCXXRecordDecl();
          RD && RD->hasDefinition() && !A.isLibraryCode(RD))
        if (const CXXDestructorDecl *D = RD->getDestructor())
          walkSpecialMember(D, Object, {}, St);
    if (Recording && Object)
      recordAccess(*Object, true, Del->getExprLoc(), St);
    return;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(S)) {
    // Initialising the new object writes it.
    AbstractLocation Object = A.heapObject(New, F.Context);
    if (Recording && !ignoredType(New->getAllocatedType()))
      recordAccess(Object, true, New->getExprLoc(), St, /*IsInit=*/true);
    if (const CXXConstructExpr *CC = New->getConstructExpr();
        CC && !A.isLibraryCode(CC->getConstructor())) {
      llvm::SmallVector<const Expr *, 4> Args(CC->arg_begin(), CC->arg_end());
      walkSpecialMember(CC->getConstructor(), Object, Args, St);
    }
    return;
  }
  if (const auto *AE = dyn_cast<AtomicExpr>(S))
    return atomicExpr(AE, St);
  if (const auto *LE = dyn_cast<LambdaExpr>(S))
    return handleLambda(LE, St);
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    return handleReturn(RS, St);
}

void FunctionWalker::handleLambda(const LambdaExpr *LE, FlowState &St) {
  // Capturing by copy reads the variable where the closure is made.
  for (const LambdaCapture &C : LE->captures()) {
    if (!C.capturesVariable() || C.getCaptureKind() != LCK_ByCopy)
      continue;
    const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
    if (!V || V->isInitCapture() || ignoredType(V->getType()))
      continue;
    if (auto L = resolver().resolveVariable(V))
      recordAccess(*L, false, C.getLocation(), St);
  }
}

void FunctionWalker::handleAssignment(const BinaryOperator *BO, FlowState &St) {
  const Expr *LHS = BO->getLHS();
  if (LHS->getType()->isAtomicType()) { // C11 _Atomic
    syncRelease(resolver().resolve(LHS), St);
    return;
  }
  write(LHS, St);
  // Flow-insensitive bindings: the first pointee a local pointer gets, and
  // privacy of a scalar assigned a private value.
  if (const VarDecl *V = varOf(LHS); V && !V->hasGlobalStorage() &&
                                     isDeclaredIn(V, F.Function)) {
    if (isPointerLike(V->getType())) {
      if (!F.Pointees.count(V))
        if (auto P = resolver().pointee(BO->getRHS()))
          F.Pointees.emplace(V, *P);
    } else if (V->getType()->isScalarType()) {
      LocationResolver::SliceShape Shape = resolver().sliceShape(BO->getRHS());
      if (Shape.Slice) {
        F.Private.insert(V);
        F.PrivateKey.emplace(V, Shape.Key);
      }
    }
  }
}

void FunctionWalker::handleStaticLocal(const VarDecl *V, FlowState &St) {
  // C++11 "magic statics": the initialiser runs once, other threads wait
  // for it, and everyone after sees the result -- call_once in disguise.
  const Expr *Init = V->getInit();
  if (!Init || V->getTLSKind() != VarDecl::TLS_None)
    return;
  AbstractLocation Once = AbstractLocation::global(V);
  Once.Name = V->getName().str() + " (initialisation)";
  Once.CopyOf = V; // Not the variable itself: its once-guard.
  if (hasAcquired(Once.key(), St))
    return; // Initialised already, as this thread saw.
  St.acquire(Once, false, V->getLocation());
  // Walk the initialiser children first, as the CFG would have.
  std::vector<std::pair<const Stmt *, bool>> Work{{Init, false}};
  while (!Work.empty()) {
    auto [S, Expanded] = Work.back();
    Work.pop_back();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (Expanded) {
      StaticInitNodes.erase(S);
      handleStmt(S, St);
      StaticInitNodes.insert(S);
      continue;
    }
    Work.push_back({S, true});
    std::vector<const Stmt *> Children(S->child_begin(), S->child_end());
    for (auto It = Children.rbegin(); It != Children.rend(); ++It)
      Work.push_back({*It, false});
  }
  St.release(Once);
  syncRelease(Once, St);
  syncAcquire(Once.key(), St);
}

void FunctionWalker::handleDecl(const VarDecl *V, FlowState &St) {
  if (V->isStaticLocal())
    return handleStaticLocal(V, St);
  if (V->hasGlobalStorage())
    return;
  const Expr *Init = V->getInit();
  QualType T = V->getType();
  LocationResolver R = resolver();

  // Range-for loop variable: an element of the range.
  if (auto It = RangeOf.find(V); It != RangeOf.end()) {
    if (auto Range = R.resolve(It->second)) {
      AbstractLocation Element = SpawningRangeVars.count(V)
                                     ? Range->element(true, -1, "arg?")
                                     : Range->element(false);
      if (T->isReferenceType())
        F.Referents[V] = Element;
    }
    return;
  }
  if (!Init)
    return;
  const Expr *S = strip(Init);

  if (T->isReferenceType()) {
    if (auto L = R.resolve(Init))
      F.Referents[V] = *L;
    if (isPointerLike(T))
      if (auto P = R.pointee(Init))
        F.Pointees[V] = *P;
    return;
  }
  // A guard class of the program named in the configuration: locks its
  // first constructor argument until its destructor.
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      RD && isConfigured(RD, A.config().GuardClasses)) {
    if (const auto *CC = dyn_cast<CXXConstructExpr>(S); CC && CC->getNumArgs() >= 1) {
      const Expr *Arg = CC->getArg(0);
      std::optional<AbstractLocation> M =
          Arg->getType()->isPointerType() ? R.pointee(Arg) : R.resolve(Arg);
      if (M) {
        takeLock(*M, false, CC->getExprLoc(), LockHow::Blocking, St);
        St.Guards[V] = {*M};
      }
    }
    return;
  }
  if (isGuardType(T)) {
    if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
      bool Locks = false, Shared = false;
      std::vector<AbstractLocation> Ms = guardMutexes(CC, Locks, Shared);
      // unique_lock(std::move(other)): takes over the other guard's mutexes.
      if (CC->getNumArgs() == 1 && isGuardType(CC->getArg(0)->getType()))
        if (const VarDecl *Other = varOf(stripAll(CC->getArg(0)))) {
          auto It = St.Guards.find(Other);
          if (It != St.Guards.end()) {
            Ms = It->second;
            St.Guards.erase(It);
          }
          Locks = false;
        }
      if (Locks)
        for (const AbstractLocation &M : Ms)
          takeLock(M, Shared, CC->getExprLoc(), guardLockHow(CC, Ms.size()), St);
      St.Guards[V] = std::move(Ms);
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      // A helper returning a guard: the call (walked as its own element)
      // took the lock; remember which guard now owns it.
      auto It = A.ReturnedGuards.find(CE);
      if (It != A.ReturnedGuards.end())
        St.Guards[V] = It->second;
    }
    return;
  }
  if (isThreadType(T)) {
    if (const auto *CC = dyn_cast<CXXConstructExpr>(S); CC && CC->getNumArgs() >= 1) {
      llvm::SmallVector<const Expr *, 4> Args(CC->arg_begin() + 1, CC->arg_end());
      spawn(CC, CC->getArg(0), Args, AbstractLocation::local(V, F.Context), St);
    }
    return;
  }
  if (isFutureType(T)) {
    AbstractLocation Self = AbstractLocation::local(V, F.Context);
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Fn = CE->getDirectCallee();
      if (Fn && Fn->isInStdNamespace() && Fn->getIdentifier() &&
          Fn->getName() == "async")
        spawnAsync(CE, Self, St);
    }
    // F = P.get_future(), SF = F.share(), shared_future SF(P.get_future()).
    std::string Source = futureSourceOf(S);
    if (!Source.empty())
      A.FutureSources[Self.key()] = Source;
    return;
  }
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl(); RD && RD->isLambda()) {
    F.Closures[V] = nullptr; // Made here: its by-reference captures are ours.
    return;
  }
  // An object of a class of ours: its constructor runs here (it may start
  // a thread that works on the object).
  if (const auto *CC = dyn_cast<CXXConstructExpr>(S);
      CC && !A.isLibraryCode(CC->getConstructor()) &&
      !CC->getConstructor()->isCopyOrMoveConstructor()) {
    llvm::SmallVector<const Expr *, 4> Args(CC->arg_begin(), CC->arg_end());
    walkSpecialMember(CC->getConstructor(), AbstractLocation::local(V, F.Context), Args,
                      St);
    return;
  }
  if (isPointerLike(T)) {
    if (auto P = R.pointee(Init)) {
      if (P->Kind == AbstractLocation::RootKind::Heap && P->Path.empty() &&
          llvm::StringRef(P->Name).starts_with("new "))
        P->Name = "*" + V->getName().str(); // Named after its first holder.
      F.Pointees[V] = *P;
    }
    return;
  }
  // A local holding the thread's own index (size_t I = Begin; int Slot =
  // Next.fetch_add(1)) is private; one computed from its data is not.
  if (T->isScalarType())
    if (LocationResolver::SliceShape Shape = R.sliceShape(Init); Shape.Slice) {
      F.Private.insert(V);
      F.PrivateKey[V] = Shape.Key;
    }
}

void FunctionWalker::spawnAsync(const CallExpr *CE, std::optional<AbstractLocation> Handle,
                                FlowState &St) {
  if (CE->getNumArgs() < 1)
    return;
  unsigned First = 0;
  bool Deferred = false;
  if (isStdEnum(CE->getArg(0)->getType(), "launch")) {
    First = 1;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(CE->getArg(0)->IgnoreParenImpCasts()))
      Deferred = DRE->getDecl()->getName() == "deferred";
  }
  if (CE->getNumArgs() <= First)
    return;
  llvm::SmallVector<const Expr *, 4> Args(CE->arg_begin() + First + 1, CE->arg_end());
  // Deferred: runs in the caller when get() is called; the analysis runs it
  // here, in the same thread, which orders nothing differently.
  if (Deferred)
    runCallableInPlace(CE->getArg(First), Args, St);
  else
    spawn(CE, CE->getArg(First), Args, std::move(Handle), St);
}

void FunctionWalker::handleDtor(const VarDecl *V, FlowState &St,
                                SourceLocation ScopeEnd) {
  runDtor(V, St);
  // After the destructor: an object that joins its own threads there (a
  // pool, an RAII joiner) does not leave them running.
  noteScopeEnd(V, ScopeEnd.isValid() ? ScopeEnd : scopeEndOf(V), St);
}

void FunctionWalker::runDtor(const VarDecl *V, FlowState &St) {
  if (auto It = St.Guards.find(V); It != St.Guards.end()) {
    for (const AbstractLocation &M : It->second)
      St.release(M);
    St.Guards.erase(It);
    return;
  }
  QualType T = V->getType();
  // A jthread joins in its destructor, and so does the future of an
  // std::async task (or a container of jthreads).
  QualType Element = collectionElementType(T);
  bool Joins = isJThreadType(T) || isFutureType(T) ||
               (!Element.isNull() && isJThreadType(Element));
  if (Joins) {
    join(AbstractLocation::local(V, F.Context), St);
    return;
  }
  if (isThreadHandleVariable(V) && !threadMayLeave(V)) {
    endThreadsOf(V, St);
    return;
  }
  // A class of ours: its destructor runs here (an RAII joiner joins).
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      RD && !RD->isLambda() && !A.isLibraryCode(RD) && RD->hasDefinition())
    if (const CXXDestructorDecl *D = RD->getDestructor())
      walkSpecialMember(D, AbstractLocation::local(V, F.Context), {}, St);
}

void FunctionWalker::noteStoredCallbacks(const FunctionDecl *Method,
                                         const std::optional<AbstractLocation> &Obj,
                                         llvm::ArrayRef<const Expr *> Args) {
  if (!Obj || F.LocksOnly)
    return;
  for (unsigned I = 0; I < Args.size(); ++I) {
    auto [It, New] = A.CallbackMembers.try_emplace({Method, I});
    if (New)
      It->second = membersStoringParam(Method, I, A.ast());
    if (It->second.empty())
      continue;
    Frame Entry;
    Entry.Context = F.Context;
    std::string Name;
    if (!bindCallable(Args[I], {}, /*AsThread=*/false, Entry, Name, nullptr))
      continue;
    for (const FieldDecl *FD : It->second) {
      auto &Stored = A.StoredCallbacks[Obj->field(FD).key()];
      if (llvm::none_of(Stored, [&](const auto &S) { return S.first == Args[I]; }))
        Stored.push_back({Args[I], Entry});
    }
  }
}

void FunctionWalker::callStoredCallbacks(const Expr *Callee, SourceLocation At,
                                         FlowState &St) {
  const Expr *Source = callbackSource(Callee, A.ast());
  if (!Source)
    return;
  std::optional<AbstractLocation> Where = resolver().resolve(Source);
  if (!Where)
    return;
  auto It = A.StoredCallbacks.find(Where->key());
  if (It == A.StoredCallbacks.end())
    return;
  // Copied: walking a callback may store more.
  std::vector<Frame> Callbacks;
  for (const auto &S : It->second)
    Callbacks.push_back(S.second);
  for (Frame Entry : Callbacks) {
    Entry.Context = F.Context;
    Entry.InLoop = F.InLoop || A.inLoop(F.Function, CurrentBlock);
    Entry.LocksOnly = true;
    Entry.Calls = F.Calls;
    Entry.Calls.push_back(At);
    St = A.call(Entry, St, Recording).Exit;
  }
}

bool FunctionWalker::threadMayLeave(const VarDecl *V) {
  auto [It, New] = A.ThreadMayLeave.try_emplace(V, true);
  if (New)
    It->second = threadMayLeaveScope(V, F.Function);
  return It->second;
}

void FunctionWalker::endThreadsOf(const VarDecl *V, FlowState &St) {
  // Destroying a joinable std::thread calls std::terminate: on every path
  // that goes on, its threads were joined before. A detached one runs on.
  AbstractLocation Handle = AbstractLocation::local(V, F.Context);
  for (auto It = St.Live.begin(); It != St.Live.end();) {
    const ThreadContext &T = A.threadContext(*It);
    if (T.Handle && T.Handle->overlaps(Handle) && !T.Detached)
      It = St.Live.erase(It);
    else
      ++It;
  }
}

void FunctionWalker::endLocalHandlesAtExit(FlowState &Exit) {
  // The CFG runs no destructors on the way out of an exception; the
  // handles of this frame still end here (a jthread joins, a std::thread
  // that is still joinable terminates the program).
  std::set<const VarDecl *> Handles;
  for (unsigned Id : Exit.Live) {
    const ThreadContext &T = A.threadContext(Id);
    if (T.Handle && T.Handle->Kind == AbstractLocation::RootKind::Local &&
        T.Handle->Owner == F.Context && T.Handle->Root)
      if (const auto *V = static_cast<const VarDecl *>(T.Handle->Root);
          isDeclaredIn(V, F.Function) && !isa<ParmVarDecl>(V))
        Handles.insert(V);
  }
  for (const VarDecl *V : Handles) {
    QualType T = V->getType();
    if (isJThreadType(T) || isFutureType(T))
      join(AbstractLocation::local(V, F.Context), Exit);
    else if (isThreadHandleVariable(V) && !threadMayLeave(V))
      endThreadsOf(V, Exit);
  }
}

void FunctionWalker::walkSpecialMember(const CXXMethodDecl *M,
                                       std::optional<AbstractLocation> This,
                                       llvm::ArrayRef<const Expr *> Args, FlowState &St) {
  const FunctionDecl *Def = definitionOf(M);
  if (!Def || A.isLibraryCode(Def) || !This)
    return;
  // A compiler-made constructor only initialises members; a destructor is
  // still walked for the members it destroys (a jthread joins).
  if (isa<CXXConstructorDecl>(Def) && (Def->isImplicit() || Def->isDefaulted()))
    return;
  inlineCall(Def, std::move(This), Args, St, nullptr);
}

void FunctionWalker::handleInitializer(const CXXCtorInitializer *I, FlowState &St) {
  // Member initialisers of a constructor being walked: a thread member
  // started here (`Worker(&C::run, this)`).
  const FieldDecl *FD = I->getMember();
  if (!FD || !F.This || !isThreadType(FD->getType()))
    return;
  if (const auto *CC = dyn_cast_or_null<CXXConstructExpr>(strip(I->getInit()));
      CC && CC->getNumArgs() >= 1 && !CC->getConstructor()->isCopyOrMoveConstructor()) {
    llvm::SmallVector<const Expr *, 4> Args(CC->arg_begin() + 1, CC->arg_end());
    spawn(CC, CC->getArg(0), Args, F.This->field(FD), St);
  }
}

void FunctionWalker::handleReturn(const ReturnStmt *RS, FlowState &St) {
  const Expr *Ret = RS->getRetValue();
  if (!Ret || !isGuardType(Ret->getType()))
    return;
  const Expr *S = stripAll(Ret);
  Result.ReturnsGuard = true;
  if (const VarDecl *G = varOf(S)) {
    auto It = St.Guards.find(G);
    if (It != St.Guards.end()) {
      Result.ReturnedGuard = It->second;
      St.Guards.erase(It); // Moved out: our destructor no longer unlocks.
    }
  } else if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
    bool Locks = false, Shared = false;
    std::vector<AbstractLocation> Ms = guardMutexes(CC, Locks, Shared);
    if (Locks)
      for (const AbstractLocation &M : Ms)
        takeLock(M, Shared, CC->getExprLoc(), guardLockHow(CC, Ms.size()), St);
    Result.ReturnedGuard = Ms;
  }
}

std::vector<AbstractLocation>
FunctionWalker::guardMutexes(const CXXConstructExpr *CC, bool &Locks, bool &Shared) {
  std::vector<AbstractLocation> Ms;
  Locks = true;
  Shared = isStdType(CC->getType(), {"shared_lock"});
  for (const Expr *Arg : CC->arguments()) {
    QualType T = Arg->getType();
    if (isStdType(T, {"defer_lock_t", "try_to_lock_t"})) {
      Locks = isStdType(T, {"try_to_lock_t"}); // Assume the try succeeded.
      continue;
    }
    if (isStdType(T, {"adopt_lock_t"})) {
      Locks = false; // Already held.
      continue;
    }
    if (isLockable(T))
      if (auto M = resolver().resolve(Arg))
        Ms.push_back(*M);
  }
  if (CC->getNumArgs() == 0)
    Locks = false;
  return Ms;
}

LockHow FunctionWalker::guardLockHow(const CXXConstructExpr *CC, size_t Mutexes) {
  // unique_lock(M, std::try_to_lock) never waits: it takes part in no
  // lock order (the data-race side assumes the try succeeded).
  for (const Expr *Arg : CC->arguments())
    if (isStdType(Arg->getType(), {"try_to_lock_t"}))
      return LockHow::Try;
  return Mutexes > 1 ? LockHow::Together : LockHow::Blocking;
}

// --- Calls ------------------------------------------------------------------

bool FunctionWalker::isConfigured(const NamedDecl *Fn,
                                  const std::vector<std::string> &Names) const {
  if (Names.empty() || !Fn)
    return false;
  std::string Q = qualifiedName(Fn);
  for (const std::string &N : Names)
    if (qualifiedNameMatches(Q, N))
      return true;
  return false;
}

const SpawnFunction *FunctionWalker::configuredSpawn(const FunctionDecl *Fn) const {
  if (!Fn || A.config().SpawnFunctions.empty())
    return nullptr;
  std::string Q = qualifiedName(Fn);
  for (const SpawnFunction &S : A.config().SpawnFunctions)
    if (qualifiedNameMatches(Q, S.Name))
      return &S;
  return nullptr;
}

void FunctionWalker::takeLock(const AbstractLocation &Mutex, bool Shared,
                              SourceLocation At, LockHow How, FlowState &St) {
  if (Recording && How != LockHow::Try) {
    LockEvent E;
    E.Point = pointOf(Mutex, At, St);
    E.Shared = Shared;
    E.How = How;
    E.Calls = F.Calls;
    A.recordLock(std::move(E));
  }
  St.acquire(Mutex, Shared, At, /*Pseudo=*/false, F.Calls.size());
}

void FunctionWalker::lockCall(const Expr *MutexExpr, bool ByPointer, bool Shared,
                              bool Acquire, FlowState &St, SourceLocation At) {
  LocationResolver R = resolver();
  std::optional<AbstractLocation> M =
      ByPointer ? R.pointee(MutexExpr) : R.resolve(MutexExpr);
  if (!M)
    return;
  if (Acquire)
    takeLock(*M, Shared, At, LockHow::Blocking, St);
  else
    St.release(*M);
}

void FunctionWalker::syncRelease(const std::optional<AbstractLocation> &Obj,
                                 FlowState &St) {
  if (!Obj)
    return;
  if (Recording) // Positions count in the walk that records.
    A.noteRelease(F.Context, A.syncId(Obj->key()));
}

void FunctionWalker::syncAcquire(const std::string &Key, FlowState &St) {
  if (!Key.empty())
    St.Acquired.insert(A.syncId(Key));
}

void FunctionWalker::atomicCall(const CallExpr *Call, const FunctionDecl *Fn,
                                const Expr *Object, FlowState &St) {
  std::optional<AbstractLocation> Obj = resolver().resolve(Object);
  if (!Obj)
    return;
  // The memory order, if given, is the last argument of type memory_order.
  bool Relaxed = false, ExplicitOrder = false;
  for (const Expr *Arg : Call->arguments())
    if (isStdEnum(Arg->getType(), "memory_order")) {
      Relaxed |= isRelaxed(Arg);
      ExplicitOrder |= !isa<CXXDefaultArgExpr>(Arg); // Written, not defaulted.
    }
  if (Relaxed)
    return;
  llvm::StringRef Name = Fn->getIdentifier() ? Fn->getName() : "";
  bool Load = isa<CXXConversionDecl>(Fn) || Name == "load" || Name == "wait" ||
              Name == "test";
  bool Both = Name == "test_and_set" || Name.starts_with("compare_exchange") ||
              Name == "exchange" || Name.starts_with("fetch_");
  bool Negated;
  bool IsCondition = conditionAtomicLoad(CurrentBlock, Negated) == Call;
  // A load that is a branch condition acquires on the edge where the flag
  // was seen set (edgeState). Anywhere else, a load synchronises only when
  // it asks for it (memory_order_acquire, seq_cst spelled out): a plain
  // counter.load() for a statistic orders nothing the program relies on,
  // and treating it as a handshake hides real races (and costs time).
  if ((Load && !IsCondition && ExplicitOrder) || Both)
    syncAcquire(Obj->key(), St);
  if (!Load || Both)
    syncRelease(Obj, St);
}

void FunctionWalker::atomicExpr(const AtomicExpr *AE, FlowState &St) {
  std::optional<AbstractLocation> Obj = resolver().pointee(AE->getPtr());
  if (!Obj)
    return;
  bool Relaxed = false;
  if (const Expr *Order = AE->getOrder())
    if (std::optional<llvm::APSInt> V = Order->getIntegerConstantExpr(A.ast()))
      Relaxed = *V == 0; // memory_order_relaxed
  if (Relaxed)
    return;
  switch (AE->getOp()) {
  case AtomicExpr::AO__c11_atomic_load:
  case AtomicExpr::AO__atomic_load:
  case AtomicExpr::AO__atomic_load_n: {
    bool Negated;
    // As a branch condition it acquires on its edge (edgeState); elsewhere
    // C11 always spells the order out.
    if (conditionAtomicLoad(CurrentBlock, Negated) != AE)
      syncAcquire(Obj->key(), St);
    return;
  }
  case AtomicExpr::AO__c11_atomic_store:
  case AtomicExpr::AO__atomic_store:
  case AtomicExpr::AO__atomic_store_n:
    syncRelease(Obj, St);
    return;
  default: // Read-modify-writes: both.
    syncAcquire(Obj->key(), St);
    syncRelease(Obj, St);
    return;
  }
}

void FunctionWalker::join(std::optional<AbstractLocation> Handle, FlowState &St,
                          SourceLocation At) {
  if (!Handle)
    return;
  JoinEvent E;
  for (auto It = St.Live.begin(); It != St.Live.end();) {
    const ThreadContext &T = A.threadContext(*It);
    if (T.Handle && T.Handle->overlaps(*Handle)) {
      E.Joined.push_back(*It);
      It = St.Live.erase(It);
    } else {
      ++It;
    }
  }
  // Waiting for threads with locks held: the lock-order check asks whether
  // they need one of them.
  bool HoldsLock = llvm::any_of(St.Locks, [](const HeldLock &L) { return !L.Pseudo; });
  if (Recording && HoldsLock && !E.Joined.empty() && At.isValid()) {
    E.Point = pointOf(*Handle, At, St);
    A.recordJoin(std::move(E));
  }
}

void FunctionWalker::detach(const std::optional<AbstractLocation> &Handle,
                            const FlowState &St) {
  if (!Handle)
    return;
  // The thread keeps running, unjoined for good: it stays live.
  for (unsigned Id : St.Live) {
    ThreadContext &T = A.threadContext(Id);
    if (T.Handle && T.Handle->overlaps(*Handle))
      T.Detached = true;
  }
}

void FunctionWalker::handleMemberCall(const CXXMemberCallExpr *MC, FlowState &St) {
  const CXXMethodDecl *M = MC->getMethodDecl();
  if (!M)
    return;
  const Expr *ObjExpr = MC->getImplicitObjectArgument();
  bool Arrow = false;
  if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
    Arrow = ME->isArrow();
  // The object as written, not the base class the member lives in.
  QualType ObjType = strip(ObjExpr)->getType();
  if (Arrow && ObjType->isPointerType())
    ObjType = ObjType->getPointeeType();
  LocationResolver R = resolver();
  std::optional<AbstractLocation> Obj = Arrow ? R.pointee(ObjExpr) : R.resolve(ObjExpr);
  llvm::StringRef Name = M->getIdentifier() ? M->getName() : "";
  llvm::SmallVector<const Expr *, 4> Args(MC->arg_begin(), MC->arg_end());
  SourceLocation At = MC->getExprLoc();

  // The user's own spawn, join and lock functions come first.
  if (const SpawnFunction *S = configuredSpawn(M)) {
    if (S->CallableArg < Args.size()) {
      llvm::ArrayRef<const Expr *> Rest(Args);
      spawn(MC, Args[S->CallableArg], Rest.drop_front(S->CallableArg + 1), Obj, St,
            /*ViaConfig=*/true);
    }
    return;
  }
  if (isConfigured(M, A.config().JoinFunctions))
    return join(Obj, St, At);
  if (isConfigured(M, A.config().LockFunctions)) {
    if (Obj)
      takeLock(*Obj, false, At, LockHow::Blocking, St);
    return;
  }
  if (isConfigured(M, A.config().UnlockFunctions)) {
    if (Obj)
      St.release(*Obj);
    return;
  }

  if (isThreadType(ObjType)) {
    if (Name == "join") {
      join(Obj, St, At);
    } else if (Name == "detach") {
      // std::thread(f).detach(): the temporary's own thread.
      if (const auto *CC = dyn_cast<CXXConstructExpr>(strip(ObjExpr)))
        if (std::optional<unsigned> Id = A.threadAt(CC, F.Context))
          A.threadContext(*Id).Detached = true;
      detach(Obj, St);
    }
    return;
  }
  if (isLockable(ObjType)) { // std mutexes and the program's own lockables
    if (!Obj)
      return;
    if (Name == "lock" || Name == "lock_shared")
      takeLock(*Obj, Name == "lock_shared", At, LockHow::Blocking, St);
    else if (Name == "unlock" || Name == "unlock_shared")
      St.release(*Obj);
    return; // try_lock: on the branch that got it (edgeState).
  }
  if (isGuardType(ObjType)) {
    const VarDecl *G = guardOf(ObjExpr);
    auto It = G ? St.Guards.find(G) : St.Guards.end();
    if (It == St.Guards.end())
      return;
    if (Name == "lock")
      for (const AbstractLocation &Mx : It->second)
        takeLock(Mx, isStdType(ObjType, {"shared_lock"}), At, LockHow::Blocking, St);
    else if (Name == "unlock")
      for (const AbstractLocation &Mx : It->second)
        St.release(Mx);
    else if (Name == "release")
      St.Guards.erase(It); // The mutex stays locked, unmanaged.
    return;
  }
  if (isFutureType(ObjType)) {
    if (Name == "get" || Name == "wait") {
      join(Obj, St, At);
      std::string Source = futureSourceOf(ObjExpr);
      if (!Source.empty())
        syncAcquire(Source, St);
    }
    return;
  }
  if (isPromiseLikeType(ObjType)) {
    if ((Name.starts_with("set_value") || Name.starts_with("set_exception")) &&
        Recording)
      A.noteRelease(F.Context, A.syncId(syncKeyOf(ObjExpr)));
    return;
  }
  if (isStdType(ObjType, {"latch", "barrier", "counting_semaphore"})) {
    bool Releases = Name == "count_down" || Name == "arrive" ||
                    Name == "arrive_and_wait" || Name == "arrive_and_drop" ||
                    Name == "release";
    bool Acquires = Name == "wait" || Name == "arrive_and_wait" ||
                    Name == "try_wait" || Name == "acquire" ||
                    Name.starts_with("try_acquire");
    if (Releases)
      syncRelease(Obj, St);
    if (Acquires && Obj)
      syncAcquire(Obj->key(), St);
    return;
  }
  if (isAtomicType(ObjType))
    return atomicCall(MC, M, ObjExpr, St);
  if (isStdType(ObjType, {"condition_variable", "condition_variable_any"})) {
    // wait(lock, pred): the predicate runs with the lock held.
    if (Name.starts_with("wait") && Args.size() >= 2) {
      const Expr *Pred = Args.back();
      QualType PT = Pred->getType().getNonReferenceType();
      if (!isStdType(PT, {"duration", "time_point"}))
        runCallableInPlace(Pred, {}, St);
    }
    return;
  }
  if (isThreadSafeType(ObjType))
    return; // Streams, ...

  if (isStdContainerType(ObjType)) {
    // emplace_back(callable, args...) on a container of threads starts one.
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            ObjType->getAsCXXRecordDecl());
        Spec && Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        isThreadType(Spec->getTemplateArgs()[0].getAsType())) {
      if ((Name == "emplace_back" || Name == "emplace") && !Args.empty()) {
        llvm::ArrayRef<const Expr *> Rest(Args);
        spawn(MC, Args[0], Rest.drop_front(), Obj ? Obj->element(false) : Obj, St);
        return;
      }
      if (Name == "push_back" && Args.size() == 1)
        if (const auto *CC = dyn_cast<CXXConstructExpr>(strip(Args[0]));
            CC && isThreadType(CC->getType()) && CC->getNumArgs() >= 1 &&
            !CC->getConstructor()->isCopyOrMoveConstructor()) {
          llvm::SmallVector<const Expr *, 4> TArgs(CC->arg_begin() + 1, CC->arg_end());
          spawn(CC, CC->getArg(0), TArgs, Obj ? Obj->element(false) : Obj, St);
          return;
        }
      return; // Other operations on a vector of threads are bookkeeping.
    }
    // push_back(std::async(...)) into a container of futures.
    if ((Name == "push_back" || Name == "emplace_back" || Name == "emplace") &&
        Args.size() == 1 && AsyncHandledByParent.count(strip(Args[0]))) {
      spawnAsync(cast<CallExpr>(strip(Args[0])), Obj ? Obj->element(false) : Obj, St);
      return;
    }
    if (Recording && Obj)
      recordAccess(Obj->structure(), isContainerMutator(M), At, St);
    externalCall(M, Args, St);
    return;
  }

  const FunctionDecl *Def = definitionOf(M);
  if (Def && !A.isLibraryCode(Def)) {
    noteStoredCallbacks(Def, Obj, Args);
    inlineCall(Def, Obj, Args, St, MC);
    return;
  }
  // A method we cannot see into: const ones read the object, others write it.
  if (Recording && Obj && !ignoredType(ObjType))
    recordAccess(*Obj, !M->isConst(), At, St);
  externalCall(M, Args, St);
}

void FunctionWalker::handleOperatorCall(const CXXOperatorCallExpr *OC, FlowState &St) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getCalleeDecl());
  if (!M) {
    // A free operator (operator<< for streams, ...).
    const auto *Fn = dyn_cast_or_null<FunctionDecl>(OC->getCalleeDecl());
    llvm::SmallVector<const Expr *, 4> Args(OC->arg_begin(), OC->arg_end());
    if (const FunctionDecl *Def = definitionOf(Fn); Def && !A.isLibraryCode(Def))
      inlineCall(Def, std::nullopt, Args, St, OC);
    else if (Fn)
      externalCall(Fn, Args, St);
    return;
  }
  if (OC->getNumArgs() == 0)
    return;
  const Expr *ObjExpr = OC->getArg(0);
  QualType ObjType = strip(ObjExpr)->getType();
  llvm::SmallVector<const Expr *, 4> Args(OC->arg_begin() + 1, OC->arg_end());
  LocationResolver R = resolver();

  // F = std::async(...): the future variable or member owns the task.
  if (isFutureType(ObjType) && OC->getOperator() == OO_Equal && Args.size() == 1 &&
      AsyncHandledByParent.count(strip(Args[0]))) {
    spawnAsync(cast<CallExpr>(strip(Args[0])), R.resolve(ObjExpr), St);
    return;
  }
  // Worker = std::thread(f): the member or variable now owns the thread.
  if (isThreadType(ObjType) && OC->getOperator() == OO_Equal && Args.size() == 1) {
    if (const auto *CC = dyn_cast<CXXConstructExpr>(strip(Args[0]));
        CC && CC->getNumArgs() >= 1 && !CC->getConstructor()->isCopyOrMoveConstructor()) {
      llvm::SmallVector<const Expr *, 4> TArgs(CC->arg_begin() + 1, CC->arg_end());
      spawn(CC, CC->getArg(0), TArgs, R.resolve(ObjExpr), St);
    }
    return;
  }

  if (isAtomicType(ObjType))
    return atomicCall(OC, M, ObjExpr, St);
  if (isThreadSafeType(ObjType))
    return;
  // Calling a std::function: the callbacks stored where it comes from.
  if (OC->getOperator() == OO_Call &&
      isStdType(ObjType.getNonReferenceType(), {"function", "move_only_function"})) {
    callStoredCallbacks(ObjExpr, OC->getExprLoc(), St);
    return;
  }
  // Calling a closure: walk the lambda in place.
  if (const CXXRecordDecl *RD = ObjType.getNonReferenceType()->getAsCXXRecordDecl();
      RD && RD->isLambda()) {
    runCallableInPlace(ObjExpr, Args, St);
    return;
  }
  switch (OC->getOperator()) {
  case OO_Subscript:
    // map[key] may insert; vector[i] hands out an element, accessed by the
    // expression around it.
    if (isContainerMutator(M) && Recording)
      if (auto Obj = R.resolve(ObjExpr))
        recordAccess(Obj->structure(), true, OC->getExprLoc(), St);
    return;
  case OO_Star:
  case OO_Arrow:
    return; // Smart pointer / iterator dereference: access comes later.
  default:
    break;
  }
  // The program's own operators are walked; compiler-made ones (= default,
  // implicit copy assignment) are member-wise copies: a write and a read.
  if (const FunctionDecl *Def = definitionOf(M);
      Def && !A.isLibraryCode(Def) && !Def->isImplicit() && !Def->isDefaulted()) {
    inlineCall(Def, R.resolve(ObjExpr), Args, St, OC);
    return;
  }
  // Assignment and compound assignment write the object; copy assignment
  // reads the source (its arguments' reads come from their own elements).
  if (Recording)
    if (auto Obj = R.resolve(ObjExpr)) {
      bool Writes = !M->isConst();
      if (isStdContainerType(ObjType)) {
        Writes = isContainerMutator(M);
        // Assigning a whole container replaces its elements too.
        recordAccess(M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()
                         ? *Obj
                         : Obj->structure(),
                     Writes, OC->getExprLoc(), St);
      } else {
        recordAccess(*Obj, Writes, OC->getExprLoc(), St);
      }
    }
  if (M->isCopyAssignmentOperator() && !Args.empty())
    read(Args[0], St);
  if (M->isMoveAssignmentOperator() && !Args.empty())
    write(Args[0], St);
}

void FunctionWalker::handleCall(const CallExpr *CE, FlowState &St) {
  const FunctionDecl *Fn = CE->getDirectCallee();
  if (!Fn)
    return; // Through a function pointer or std::function: unknown.
  llvm::SmallVector<const Expr *, 4> Args(CE->arg_begin(), CE->arg_end());
  SourceLocation At = CE->getExprLoc();
  LocationResolver R = resolver();

  // POSIX threads.
  if (isCFunction(Fn, "pthread_create") && Args.size() == 4) {
    spawn(CE, Args[2], {Args[3]}, R.pointee(Args[0]), St);
    return;
  }
  if (isCFunction(Fn, "pthread_detach") && !Args.empty())
    return detach(R.resolve(Args[0]->IgnoreParenImpCasts()), St);
  if (isCFunction(Fn, "pthread_join") && !Args.empty())
    return join(R.resolve(Args[0]->IgnoreParenImpCasts()), St, CE->getExprLoc());
  struct LockFn {
    const char *Name;
    bool Acquire, Shared;
  };
  static const LockFn LockFns[] = {
      {"pthread_mutex_lock", true, false},    {"pthread_mutex_unlock", false, false},
      {"pthread_rwlock_wrlock", true, false}, {"pthread_rwlock_rdlock", true, true},
      {"pthread_rwlock_unlock", false, false}, {"pthread_spin_lock", true, false},
      {"pthread_spin_unlock", false, false},  {"pthread_mutex_timedlock", true, false}};
  for (const LockFn &L : LockFns)
    if (isCFunction(Fn, L.Name) && !Args.empty())
      return lockCall(Args[0], /*ByPointer=*/true, L.Shared, L.Acquire, St, At);
  if (Fn->getIdentifier() && Fn->getName().starts_with("pthread_"))
    return; // Other pthread calls (attr, cond, ...) touch no shared data.

  if (Fn->isInStdNamespace() && Fn->getIdentifier()) {
    llvm::StringRef Name = Fn->getName();
    if (Name == "lock" || Name == "try_lock") {
      // std::lock(a, b, ...) on mutexes or deferred unique_locks: all at
      // once, in no order that could invert.
      LockHow How = Name == "try_lock" ? LockHow::Try
                    : Args.size() > 1  ? LockHow::Together
                                       : LockHow::Blocking;
      for (const Expr *Arg : Args) {
        if (isLockable(Arg->getType())) {
          if (auto Mx = R.resolve(Arg))
            takeLock(*Mx, false, At, How, St);
        } else if (const VarDecl *G = guardOf(Arg)) {
          auto It = St.Guards.find(G);
          if (It != St.Guards.end())
            for (const AbstractLocation &Mx : It->second)
              takeLock(Mx, false, At, How, St);
        }
      }
      return;
    }
    if (Name == "call_once" && Args.size() >= 2) {
      // Runs the callable once, under the flag; everyone returning from
      // call_once on the flag is ordered after that run.
      std::optional<AbstractLocation> Flag = R.resolve(Args[0]);
      if (Flag && hasAcquired(Flag->key(), St))
        return; // This thread got past it before: it does not run again.
      if (Flag)
        St.acquire(*Flag, false, At);
      llvm::ArrayRef<const Expr *> Rest(Args);
      runCallableInPlace(Args[1], Rest.drop_front(2), St);
      if (Flag) {
        St.release(*Flag);
        syncRelease(Flag, St);
        syncAcquire(Flag->key(), St);
      }
      return;
    }
    if (Name == "async" && AsyncHandledByParent.count(CE))
      return; // Its future is stored by the call around it.
    if (Name == "async" && !InitOf.count(CE)) {
      // The result is discarded: its future's destructor waits right here,
      // so the task runs as if called in place.
      unsigned First =
          (!Args.empty() && isStdEnum(Args[0]->getType(), "launch")) ? 1 : 0;
      if (Args.size() > First) {
        llvm::ArrayRef<const Expr *> Rest(Args);
        runCallableInPlace(Args[First], Rest.drop_front(First + 1), St);
      }
      return;
    }
    if (Name.starts_with("atomic_")) {
      // std::atomic_store(&a, v), std::atomic_load(&a), ...
      if (!Args.empty()) {
        std::optional<AbstractLocation> Obj = R.pointee(Args[0]);
        bool Load = Name.contains("load") || Name.contains("wait");
        if (Load && Obj)
          syncAcquire(Obj->key(), St);
        if (!Load)
          syncRelease(Obj, St);
      }
      return;
    }
  }

  if (const SpawnFunction *S = configuredSpawn(Fn)) {
    if (S->CallableArg < Args.size()) {
      llvm::ArrayRef<const Expr *> Rest(Args);
      spawn(CE, Args[S->CallableArg], Rest.drop_front(S->CallableArg + 1),
            std::nullopt, St, /*ViaConfig=*/true);
    }
    return;
  }
  if (isConfigured(Fn, A.config().JoinFunctions)) {
    // A free join function waits for everything started through the
    // configured spawn functions.
    for (auto It = St.Live.begin(); It != St.Live.end();) {
      if (!A.threadContext(*It).Handle)
        It = St.Live.erase(It);
      else
        ++It;
    }
    return;
  }
  if (isConfigured(Fn, A.config().LockFunctions) && !Args.empty())
    return lockCall(Args[0], Args[0]->getType()->isPointerType(), false, true, St, At);
  if (isConfigured(Fn, A.config().UnlockFunctions) && !Args.empty())
    return lockCall(Args[0], Args[0]->getType()->isPointerType(), false, false, St, At);

  if (const FunctionDecl *Def = definitionOf(Fn); Def && !A.isLibraryCode(Def)) {
    inlineCall(Def, std::nullopt, Args, St, CE);
    return;
  }
  externalCall(Fn, Args, St);
}

void FunctionWalker::externalCall(const FunctionDecl *Fn,
                                  llvm::ArrayRef<const Expr *> Args, FlowState &St) {
  if (!Recording || !Fn)
    return;
  // Invisible to the sanitizers, and so to us (see isLibraryCode).
  if (Fn->hasAttr<DisableSanitizerInstrumentationAttr>())
    return;
  // In namespace std only the few functions that write through a
  // reference are known to; ref, move, begin, ... only name their argument.
  bool Std = Fn->isInStdNamespace();
  llvm::StringRef Name = Fn->getIdentifier() ? Fn->getName() : "";
  bool StdWrites = Std && (Name == "swap" || Name == "getline" ||
                           Name == "iter_swap" || Name == "exchange");
  bool StdNamesOnly = Std && (Name == "ref" || Name == "cref" || Name == "move" ||
                              Name == "forward" || Name == "addressof" ||
                              Name == "begin" || Name == "end" || Name == "size" ||
                              Name == "data" || Name == "as_const");
  if (StdNamesOnly)
    return;
  unsigned Params = Fn->getNumParams();
  for (unsigned I = 0; I < Args.size() && I < Params; ++I) {
    QualType P = Fn->getParamDecl(I)->getType();
    const Expr *Arg = Args[I];
    if (P->isLValueReferenceType()) {
      bool Const = P->getPointeeType().isConstQualified();
      if (ignoredType(Arg->getType()))
        continue;
      if (Const) {
        read(Arg, St);
      } else if (!Std || StdWrites) {
        write(Arg, St);
      }
    } else if (P->isPointerType() && !Std) {
      QualType Pointee = P->getPointeeType();
      if (Pointee->isFunctionType() || ignoredType(Pointee))
        continue;
      if (auto L = resolver().pointee(Arg))
        recordAccess(*L, !Pointee.isConstQualified(), Arg->getExprLoc(), St);
    }
  }
}

void FunctionWalker::inlineCall(const FunctionDecl *Fn, std::optional<AbstractLocation> This,
                                llvm::ArrayRef<const Expr *> Args, FlowState &St,
                                const CallExpr *Call) {
  Frame Callee;
  Callee.Context = F.Context;
  Callee.Function = Fn;
  Callee.This = std::move(This);
  Callee.InLoop = F.InLoop || A.inLoop(F.Function, CurrentBlock);
  Callee.LocksOnly = F.LocksOnly;
  Callee.Calls = F.Calls;
  if (Call)
    Callee.Calls.push_back(Call->getExprLoc());
  bindParameters(Fn, Args, /*AsThread=*/false, resolver(), Callee);
  CallResult R = A.call(Callee, St, Recording);
  St = R.Exit;
  if (R.ReturnsGuard && Call)
    A.ReturnedGuards[Call] = R.ReturnedGuard;
}

void FunctionWalker::bindParameters(const FunctionDecl *Fn,
                                    llvm::ArrayRef<const Expr *> Args, bool AsThread,
                                    const LocationResolver &R, Frame &Entry) {
  unsigned Skip = 0;
  // A jthread passes its stop_token first when the entry takes one.
  if (AsThread && Fn->getNumParams() == Args.size() + 1 && Fn->getNumParams() > 0 &&
      isStdType(Fn->getParamDecl(0)->getType(), {"stop_token"}))
    Skip = 1;
  for (unsigned I = 0; I < Args.size() && I + Skip < Fn->getNumParams(); ++I) {
    const ParmVarDecl *P = Fn->getParamDecl(I + Skip);
    QualType T = P->getType();
    const Expr *Arg = Args[I];
    // A promise or task moved in is the same synchronisation object.
    if (isPromiseLikeType(T) && !T->isReferenceType())
      if (auto L = R.resolve(stripAll(Arg)))
        Entry.SyncAlias[P] = syncKeyOf(stripAll(Arg));
    // A future passed along still comes from the same promise.
    if (isFutureType(T)) {
      std::string Source = futureSourceOf(refTarget(Arg) ? refTarget(Arg) : Arg);
      if (!Source.empty())
        Entry.FutureOf[P] = Source;
    }
    if (const Expr *Target = refTarget(Arg)) {
      // std::ref(x): the parameter refers to x itself.
      if (auto L = R.resolve(Target)) {
        if (T->isReferenceType())
          Entry.Referents[P] = *L;
        if (isPointerLike(T))
          if (auto Pt = R.pointee(Target))
            Entry.Pointees[P] = *Pt;
      }
      continue;
    }
    if (isPointerLike(T)) {
      const Expr *S = strip(Arg->IgnoreParenCasts());
      bool IntegerInDisguise = S->getType()->isIntegerType();
      if (IntegerInDisguise) {
        // pthread_create(..., (void *)(intptr_t)i): a value, not a pointer.
        if (AsThread)
          Entry.Private.insert(P);
        continue;
      }
      if (auto L = R.pointee(Arg))
        Entry.Pointees[P] = *L;
      if (T->isReferenceType() && !AsThread)
        if (auto L = R.resolve(Arg))
          Entry.Referents[P] = *L;
      continue;
    }
    if (T->isReferenceType()) {
      // A thread gets its own copy of every argument not wrapped in
      // std::ref; a plain call binds the reference to the argument.
      if (!AsThread)
        if (auto L = R.resolve(Arg))
          Entry.Referents[P] = *L;
      continue;
    }
    // A constant passed inside a thread (worker(0) in one, worker(1) in
    // another) is that thread's own index.
    bool InThread = A.threadContext(F.Context).Parent != F.Context;
    int64_t Constant = R.constantIndex(Arg);
    LocationResolver::SliceShape Shape = R.sliceShape(Arg);
    if (T->isScalarType() && (AsThread || Shape.Slice || (InThread && Constant >= 0))) {
      Entry.Private.insert(P);
      std::ostringstream Key;
      if (Constant >= 0)
        Key << static_cast<const void *>(P) << '=' << Constant;
      else if (Shape.Slice)
        Key << Shape.Key;
      else
        Key << '?';
      Entry.PrivateKey[P] = Key.str();
    }
  }
}

bool FunctionWalker::bindCallable(const Expr *Callable,
                                  llvm::ArrayRef<const Expr *> Args, bool AsThread,
                                  Frame &Entry, std::string &Name,
                                  std::string *ReleasesKey) {
  LocationResolver R = resolver();
  R.setLoopCountersPrivate(AsThread);
  // std::ref(functor): the functor itself runs, not a copy.
  const Expr *RefTo = refTarget(Callable);
  const Expr *C = stripAll(RefTo ? RefTo : Callable);

  // A closure variable: its lambda, made in this frame.
  const LambdaExpr *Lambda = dyn_cast<LambdaExpr>(C);
  if (!Lambda)
    if (const VarDecl *V = varOf(C))
      if (V->getInit())
        Lambda = dyn_cast<LambdaExpr>(stripAll(V->getInit()));

  if (Lambda) {
    Entry.Function = Lambda->getCallOperator();
    Entry.Lambda = Lambda->getLambdaClass();
    Entry.Outer = A.persist(F);
    Name = "lambda";
    for (const LambdaCapture &Cap : Lambda->captures()) {
      if (Cap.capturesThis()) {
        LocationResolver Outer(A, F);
        for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
          if (Fr->This) {
            Entry.This = Fr->This;
            break;
          }
        continue;
      }
      if (!Cap.capturesVariable())
        continue;
      const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar());
      if (!V)
        continue;
      if (V->isInitCapture()) {
        if (isPromiseLikeType(V->getType()) && V->getInit())
          Entry.SyncAlias[V] = syncKeyOf(stripAll(V->getInit()));
        if (isFutureType(V->getType()) && V->getInit()) {
          std::string Source = futureSourceOf(V->getInit());
          if (!Source.empty())
            Entry.FutureOf[V] = Source;
        }
        // [&Out = R]: the lambda's reference to R.
        if (V->getType()->isReferenceType() && V->getInit())
          if (auto L = R.resolve(V->getInit()))
            Entry.Referents[V] = *L;
        // [P = ptr]: a new variable of the lambda, initialised here.
        if (isPointerLike(V->getType()) && V->getInit())
          if (auto P = R.pointee(V->getInit()))
            Entry.Pointees[V] = *P;
        if (V->getType()->isScalarType() &&
            (AsThread || R.sliceShape(V->getInit()).Slice))
          Entry.Private.insert(V);
        continue;
      }
      if (Cap.getCaptureKind() == LCK_ByRef) {
        Entry.ByReference.insert(V);
        continue;
      }
      Entry.ByCopy.insert(V);
      if (isFutureType(V->getType())) {
        std::string Source = futureSourceOf(
            DeclRefExpr::Create(A.ast(), NestedNameSpecifierLoc(), SourceLocation(),
                                const_cast<VarDecl *>(V), false, Cap.getLocation(),
                                V->getType().getNonReferenceType(), VK_LValue));
        if (!Source.empty())
          Entry.FutureOf[V] = Source;
      }
      if (isPointerLike(V->getType())) {
        if (auto P = R.pointeeOfVariable(V))
          Entry.Pointees[V] = *P;
      } else if (V->getType()->isScalarType() &&
                 (AsThread || R.isPrivateVariable(V))) {
        Entry.Private.insert(V);
      }
    }
    bindParameters(Entry.Function, Args, AsThread, R, Entry);
    return true;
  }

  // packaged_task: runs the callable it was made from, then makes its
  // result ready.
  if (const VarDecl *V = varOf(C); V && isStdType(V->getType(), {"packaged_task"})) {
    if (ReleasesKey)
      if (auto L = R.resolve(C))
        *ReleasesKey = L->key();
    if (const auto *CC = dyn_cast_or_null<CXXConstructExpr>(
            V->getInit() ? strip(V->getInit()) : nullptr);
        CC && CC->getNumArgs() >= 1)
      return bindCallable(CC->getArg(0), Args, AsThread, Entry, Name, nullptr);
    return false;
  }

  // &Class::method with the object first.
  if (const auto *UO = dyn_cast<UnaryOperator>(C); UO && UO->getOpcode() == UO_AddrOf)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
      if (const auto *M = dyn_cast<CXXMethodDecl>(DRE->getDecl());
          M && M->isInstance()) {
        const FunctionDecl *Def = definitionOf(M);
        if (!Def || Args.empty())
          return false;
        Entry.Function = Def;
        Name = functionName(M);
        const Expr *Obj = Args[0];
        if (const Expr *Target = refTarget(Obj))
          Entry.This = R.resolve(Target);
        else if (Obj->getType()->isPointerType())
          Entry.This = R.pointee(Obj);
        // A plain object is copied into the thread: its own copy.
        bindParameters(Def, Args.drop_front(), AsThread, R, Entry);
        return true;
      }

  // A function, or a pointer to one.
  const Expr *FnExpr = C;
  if (const auto *UO = dyn_cast<UnaryOperator>(FnExpr); UO && UO->getOpcode() == UO_AddrOf)
    FnExpr = UO->getSubExpr()->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(FnExpr))
    if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      const FunctionDecl *Def = definitionOf(Fn);
      if (!Def || A.isLibraryCode(Def))
        return false;
      Entry.Function = Def;
      Name = functionName(Def);
      bindParameters(Def, Args, AsThread, R, Entry);
      return true;
    }

  // A functor object: its operator().
  if (const CXXRecordDecl *RD = C->getType().getNonReferenceType()->getAsCXXRecordDecl()) {
    for (const CXXMethodDecl *M : RD->methods()) {
      if (M->getOverloadedOperator() != OO_Call || M->getNumParams() != Args.size())
        continue;
      const FunctionDecl *Def = definitionOf(M);
      if (!Def || A.isLibraryCode(Def))
        return false;
      Entry.Function = Def;
      Name = functionName(M);
      if (RefTo || !AsThread)
        Entry.This = R.resolve(C);
      else
        bindMembers(C, R, Entry); // A copy, but its references still refer.
      bindParameters(Def, Args, AsThread, R, Entry);
      return true;
    }
  }
  return false;
}

void FunctionWalker::bindMembers(const Expr *Construction, const LocationResolver &R,
                                  Frame &Entry) {
  auto Bind = [&](const FieldDecl *FD, const Expr *Value) {
    if (!FD || !Value)
      return;
    if (FD->getType()->isReferenceType()) {
      if (auto L = R.resolve(Value))
        Entry.MemberReferents[FD] = *L;
    } else if (isPointerLike(FD->getType())) {
      if (auto L = R.pointee(Value))
        Entry.MemberPointees[FD] = *L;
    }
  };
  const Expr *E = strip(Construction);
  if (const auto *V = varOf(E); V && V->getInit())
    E = strip(V->getInit()); // A functor variable: how it was made.
  // Pass{R}: fields in order.
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    if (const CXXRecordDecl *RD = IL->getType()->getAsCXXRecordDecl()) {
      unsigned I = 0;
      for (const FieldDecl *FD : RD->fields())
        if (I < IL->getNumInits())
          Bind(FD, IL->getInit(I++));
    }
    return;
  }
  // Pass(R) with Pass(Report &O) : Out(O): follow the member initialisers
  // that copy a parameter.
  const auto *CC = dyn_cast<CXXConstructExpr>(E);
  if (!CC)
    return;
  const CXXConstructorDecl *Ctor = CC->getConstructor();
  const FunctionDecl *Def = definitionOf(Ctor);
  const auto *CtorDef = dyn_cast_or_null<CXXConstructorDecl>(Def);
  if (!CtorDef)
    return;
  for (const CXXCtorInitializer *Init : CtorDef->inits()) {
    const FieldDecl *FD = Init->getMember();
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(
        varOf(Init->getInit() ? Init->getInit()->IgnoreParenImpCasts() : nullptr));
    if (!FD || !Param)
      continue;
    unsigned Index = Param->getFunctionScopeIndex();
    if (Index < CC->getNumArgs())
      Bind(FD, CC->getArg(Index));
  }
}

void FunctionWalker::runCallableInPlace(const Expr *Callable,
                                        llvm::ArrayRef<const Expr *> Args,
                                        FlowState &St) {
  Frame Entry;
  Entry.Context = F.Context;
  Entry.InLoop = F.InLoop || A.inLoop(F.Function, CurrentBlock);
  Entry.LocksOnly = F.LocksOnly;
  std::string Name;
  if (!bindCallable(Callable, Args, /*AsThread=*/false, Entry, Name, nullptr))
    return;
  // A lambda called in place sees this activation as it is now.
  if (Entry.Lambda)
    Entry.Outer = A.persist(F);
  St = A.call(Entry, St, Recording).Exit;
}

void FunctionWalker::spawn(const Stmt *Site, const Expr *Callable,
                           llvm::ArrayRef<const Expr *> Args,
                           std::optional<AbstractLocation> Handle, FlowState &St,
                           bool ViaConfig) {
  // A callback walked for its locks only starts no threads of its own.
  if (F.LocksOnly)
    return;
  // A thread that starts itself (recursive fork/join) is followed two
  // levels deep; below that the analysis learns nothing new, and without a
  // bound it would never stop.
  unsigned SameSiteAbove = 0, Depth = 0;
  for (unsigned C = F.Context;; C = A.threadContext(C).Parent) {
    const ThreadContext &T = A.threadContext(C);
    SameSiteAbove += T.SpawnSite == Site;
    ++Depth;
    if (T.Parent == C)
      break;
  }
  if (SameSiteAbove >= 2 || Depth > MaxThreadNesting || A.threads().size() > MaxThreads)
    return;
  Frame Entry;
  std::string Name;
  std::string ReleasesKey;
  if (!bindCallable(Callable, Args, /*AsThread=*/true, Entry, Name, &ReleasesKey))
    return; // An entry we cannot see: nothing to record for it.
  (void)ViaConfig;
  unsigned Id = A.thread(Site, F.Context, Entry, Name, /*Many=*/false, std::move(Handle));
  if (!ReleasesKey.empty()) // A packaged_task: ready after all it does.
    A.noteRelease(Id, A.syncId(ReleasesKey), /*AtEnd=*/true);
  ThreadContext &T = A.threadContext(Id);
  // Started again while an earlier start still runs (a loop without a join
  // inside, a helper called twice): several instances at once.
  if (St.Live.count(Id))
    T.Many = true;
  if (Recording)
    for (unsigned Other : St.Live)
      if (Other != Id)
        T.LiveAtSpawn.insert(Other);
  St.Live.insert(Id);
  noteBorrowed(Entry, T, Site->getBeginLoc());
  noteViewed(Callable, Args, T, Site->getBeginLoc());
}

/// The local of Function that E is a view of: `std::string_view(Name)`,
/// `std::span(V)`, `V.data()`, or a local view variable initialised so.
static const VarDecl *viewedLocal(const Expr *E, const FunctionDecl *Function,
                                  unsigned Depth = 0) {
  if (!E || Depth > 4)
    return nullptr;
  E = skipTemporaryWrappers(E);
  auto LocalOf = [&](const Expr *X) -> const VarDecl * {
    const auto *DRE = dyn_cast<DeclRefExpr>(X->IgnoreParenImpCasts());
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || !V->hasLocalStorage() || V->getType()->isReferenceType() ||
        isa<ParmVarDecl>(V) || V->getDeclContext() != Function)
      return nullptr;
    return V;
  };
  bool IsView = isStdType(E->getType(), {"basic_string_view", "span"});
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && IsView) {
    if (CE->getNumArgs() == 0)
      return nullptr;
    if (CE->getConstructor()->isCopyOrMoveConstructor())
      return viewedLocal(CE->getArg(0), Function, Depth + 1);
    if (const VarDecl *V = LocalOf(CE->getArg(0)))
      return isStdType(V->getType(), {"basic_string_view", "span"})
                 ? viewedLocal(V->getInit(), Function, Depth + 1)
                 : V;
    return viewedLocal(CE->getArg(0), Function, Depth + 1);
  }
  // A local view variable: what it was initialised with.
  if (IsView)
    if (const VarDecl *V = LocalOf(E))
      return viewedLocal(V->getInit(), Function, Depth + 1);
  // Name.data(), Name.c_str(): a raw pointer into a local's buffer; a
  // std::string converted to a string_view (`std::string_view V = Name`).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const auto *MD = MC->getMethodDecl();
        MD && MC->getImplicitObjectArgument() &&
        ((isa<CXXConversionDecl>(MD) && IsView) ||
         (MD->getIdentifier() && (MD->getName() == "data" || MD->getName() == "c_str"))))
      if (const VarDecl *V = LocalOf(MC->getImplicitObjectArgument()))
        return isStdType(V->getType(), {"basic_string_view", "span"})
                   ? viewedLocal(V->getInit(), Function, Depth + 1)
                   : V;
  return nullptr;
}

void FunctionWalker::noteViewed(const Expr *Callable, llvm::ArrayRef<const Expr *> Args,
                                ThreadContext &T, SourceLocation Where) {
  auto View = [&](const Expr *E) {
    if (const VarDecl *V = viewedLocal(E, F.Function)) {
      T.Borrowed.try_emplace(V, Where);
      T.Viewed.insert(V);
    }
  };
  for (const Expr *Arg : Args)
    View(Arg);
  // Views captured by copy into a lambda.
  const Expr *C = Callable ? Callable->IgnoreParenImpCasts() : nullptr;
  while (C && (isa<MaterializeTemporaryExpr>(C) || isa<CXXBindTemporaryExpr>(C) ||
               isa<CXXConstructExpr>(C))) {
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(C))
      C = M->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(C))
      C = B->getSubExpr()->IgnoreParenImpCasts();
    else {
      const auto *CE = cast<CXXConstructExpr>(C);
      C = CE->getNumArgs() ? CE->getArg(0)->IgnoreParenImpCasts() : nullptr;
    }
  }
  if (const auto *L = dyn_cast_or_null<LambdaExpr>(C))
    for (const Expr *Init : L->capture_inits())
      View(Init);
}

void FunctionWalker::noteBorrowed(const Frame &Entry, ThreadContext &T,
                                  SourceLocation Where) {
  // Only this thread's own locals: a caller's locals outlive this frame,
  // and whether the thread outlives them is decided at their own end.
  auto Borrow = [&](const AbstractLocation &L) {
    if (L.Kind != AbstractLocation::RootKind::Local || L.Owner != F.Context || L.CopyOf)
      return;
    if (const auto *V = static_cast<const VarDecl *>(L.Root))
      T.Borrowed.try_emplace(V, Where);
  };
  LocationResolver R = resolver();
  for (const ValueDecl *V : Entry.ByReference)
    if (const auto *VD = dyn_cast<VarDecl>(V))
      if (auto L = R.resolveVariable(VD))
        Borrow(*L);
  for (const auto &[V, L] : Entry.Referents)
    Borrow(L);
  for (const auto &[V, L] : Entry.Pointees)
    Borrow(L);
  for (const auto &[Fd, L] : Entry.MemberReferents)
    Borrow(L);
  for (const auto &[Fd, L] : Entry.MemberPointees)
    Borrow(L);
  if (Entry.This)
    Borrow(*Entry.This);
}

void FunctionWalker::noteScopeEnd(const VarDecl *V, SourceLocation Where,
                                  const FlowState &St) {
  if (!Recording)
    return;
  // main's own locals end only when the program does: returning from main
  // calls exit, and the threads end with the process.
  if (const auto *FD = dyn_cast<FunctionDecl>(F.Function); FD && FD->isMain())
    if (scopeEndOf(V) == cast<CompoundStmt>(FD->getBody())->getRBracLoc())
      return;
  ScopeEndEvent E;
  E.Var = V;
  E.Context = F.Context;
  E.Where = Where;
  for (unsigned Id : St.Live) {
    const ThreadContext &T = A.threadContext(Id);
    if (T.Parent == F.Context && T.Borrowed.count(V))
      E.Running.push_back(Id);
  }
  if (!E.Running.empty())
    A.recordScopeEnd(std::move(E));
}

void FunctionWalker::noteBorrowedLocalsAtExit(const FlowState &Exit) {
  // Locals with a destructor were checked where it runs (handleDtor);
  // the others end with the function at the latest.
  std::set<const VarDecl *> Seen;
  for (unsigned Id : Exit.Live) {
    const ThreadContext &T = A.threadContext(Id);
    if (T.Parent != F.Context)
      continue;
    for (const auto &[V, Where] : T.Borrowed)
      if (isDeclaredIn(V, F.Function) && !V->needsDestruction(A.ast()) &&
          Seen.insert(V).second)
        noteScopeEnd(V, scopeEndOf(V), Exit);
  }
}

SourceLocation FunctionWalker::scopeEndOf(const VarDecl *V) const {
  // The closing brace of the block that declares it (a parameter: the
  // function's body).
  if (isa<ParmVarDecl>(V))
    if (const auto *Body = dyn_cast_or_null<CompoundStmt>(F.Function->getBody()))
      return Body->getRBracLoc();
  DynTypedNodeList Parents = A.ast().getParents(*V);
  while (!Parents.empty()) {
    if (const auto *CS = Parents[0].get<CompoundStmt>())
      return CS->getRBracLoc();
    Parents = A.ast().getParents(Parents[0]);
  }
  return V->getLocation();
}

void FunctionWalker::handleConstruct(const CXXConstructExpr *CC, FlowState &St) {
  QualType T = CC->getType();
  // Copying an object reads it; moving from it writes it (also when it
  // initialises a variable: `Frame Copy = Latest;`).
  const CXXConstructorDecl *Ctor = CC->getConstructor();
  if (CC->getNumArgs() == 1 && Ctor->isCopyOrMoveConstructor() && !isGuardType(T) &&
      !ignoredType(T)) {
    if (Ctor->isMoveConstructor())
      write(CC->getArg(0), St);
    else
      read(CC->getArg(0), St);
  }
  if (InitOf.count(CC))
    return; // With its variable (handleDecl).
  if (isThreadType(T)) {
    if (SpawnHandledByParent.count(CC) || CC->getNumArgs() == 0 ||
        CC->getConstructor()->isCopyOrMoveConstructor())
      return;
    // A temporary thread: std::thread(f).detach(), or one moved into a
    // member by assignment (handled there). Nothing joins it here.
    llvm::SmallVector<const Expr *, 4> Args(CC->arg_begin() + 1, CC->arg_end());
    spawn(CC, CC->getArg(0), Args, std::nullopt, St);
    return;
  }
}

} // namespace analysis
} // namespace racelab
