//===- UnjoinedThreadCheck.cpp - std::thread destroyed joinable -----------===//
#include "UnjoinedThreadCheck.h"

#include "StdLibrary.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <map>
#include <memory>
#include <optional>
#include <set>

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

/// Loops over the blocks of one function before giving up (a CFG of a
/// few hundred blocks settles in a handful of rounds).
constexpr unsigned MaxRounds = 50;

bool isPlainThread(QualType T) { return isStdType(T.getNonReferenceType(), {"thread"}); }

bool isThreadCollection(QualType T) {
  QualType Element = collectionElementType(T);
  return !Element.isNull() && isPlainThread(Element);
}

const Expr *bare(const Expr *E) { return skipTemporaryWrappers(E); }

const VarDecl *varNamed(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(bare(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// std::move(V): V.
const VarDecl *movedVar(const Expr *E) {
  const auto *CE = dyn_cast_or_null<CallExpr>(bare(E));
  const FunctionDecl *Fn = CE ? CE->getDirectCallee() : nullptr;
  if (Fn && Fn->isInStdNamespace() && Fn->getIdentifier() && Fn->getName() == "move" &&
      CE->getNumArgs() == 1)
    return varNamed(CE->getArg(0));
  return nullptr;
}

/// A std::thread made here to run something: std::thread(f, ...).
bool startsThread(const Expr *E) {
  const auto *CC = dyn_cast_or_null<CXXConstructExpr>(bare(E));
  if (!CC || !isPlainThread(CC->getType()))
    return false;
  if (CC->getConstructor()->isCopyOrMoveConstructor())
    return CC->getNumArgs() == 1 && startsThread(CC->getArg(0));
  return CC->getNumArgs() > 0;
}

/// Does calling Fn throw out of it (an explicit throw outside any try in
/// its body, or in a function of the program it calls)?
bool mayThrow(const FunctionDecl *Fn, ASTContext &Ctx, unsigned Depth,
              std::map<const FunctionDecl *, bool> &Memo);

class ThrowFinder : public RecursiveASTVisitor<ThrowFinder> {
public:
  ThrowFinder(ASTContext &Ctx, unsigned Depth, std::map<const FunctionDecl *, bool> &Memo)
      : Ctx(Ctx), Depth(Depth), Memo(Memo) {}
  bool Throws = false;
  bool TraverseCXXTryStmt(CXXTryStmt *) { return true; } // Caught inside.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; } // Not run here.
  bool VisitCXXThrowExpr(CXXThrowExpr *) {
    Throws = true;
    return false;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      if (mayThrow(Callee, Ctx, Depth + 1, Memo))
        Throws = true;
    return !Throws;
  }

private:
  ASTContext &Ctx;
  unsigned Depth;
  std::map<const FunctionDecl *, bool> &Memo;
};

bool mayThrow(const FunctionDecl *Fn, ASTContext &Ctx, unsigned Depth,
              std::map<const FunctionDecl *, bool> &Memo) {
  const FunctionDecl *Def = nullptr;
  if (Depth > 2 || !Fn->hasBody(Def) ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return false;
  auto [It, New] = Memo.try_emplace(Def, false);
  if (!New)
    return It->second;
  ThrowFinder Finder(Ctx, Depth, Memo);
  Finder.TraverseStmt(Def->getBody());
  Memo[Def] = Finder.Throws;
  return Finder.Throws;
}

/// Joinable threads (and collections holding some), with where they
/// became joinable.
using State = std::map<const VarDecl *, SourceLocation>;

void merge(State &Into, const State &From) {
  for (const auto &[V, Loc] : From)
    Into.try_emplace(V, Loc);
}

/// Does every use of V call one of the members std::jthread has with the
/// same meaning? Then the declared type can change without the code
/// around it noticing.
class JthreadCompatibleUses : public RecursiveASTVisitor<JthreadCompatibleUses> {
public:
  explicit JthreadCompatibleUses(const VarDecl *V) : V(V) {}
  unsigned Uses = 0, MemberCalls = 0;
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    Uses += DRE->getDecl() == V;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
        MC->getImplicitObjectArgument() ? MC->getImplicitObjectArgument()->IgnoreParenImpCasts()
                                        : nullptr);
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (DRE && DRE->getDecl() == V && M && M->getIdentifier() &&
        llvm::is_contained({"join", "joinable", "detach", "get_id", "native_handle"},
                           M->getName()))
      ++MemberCalls;
    return true;
  }

private:
  const VarDecl *V;
};

/// `std::thread T(work);` -> `std::jthread T(work);` (C++20): the jthread
/// joins in its destructor, on every path. Offered only when that edit
/// alone is the fix: one variable in its declaration, the type spelled
/// `std::thread`, started right there (not `= std::thread(...)`, which
/// would need a second edit), from a callable that cannot take the
/// jthread's stop_token (not a generic lambda), and used only through
/// join/joinable/detach/get_id/native_handle.
std::optional<FixItHint> jthreadFix(const VarDecl *V, const FunctionDecl *Fn,
                                    ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CPlusPlus20 || !isPlainThread(V->getType()) ||
      V->getType()->isReferenceType() || V->getInitStyle() == VarDecl::CInit ||
      !V->getTypeSourceInfo())
    return std::nullopt;
  DynTypedNodeList Parents = Ctx.getParents(*V);
  const auto *DS = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!DS || !DS->isSingleDecl())
    return std::nullopt;
  const auto *Start = dyn_cast_or_null<CXXConstructExpr>(bare(V->getInit()));
  if (!Start || isa<CXXTemporaryObjectExpr>(Start) || Start->getNumArgs() == 0)
    return std::nullopt;
  if (const auto *L = dyn_cast<LambdaExpr>(bare(Start->getArg(0)));
      L && L->getLambdaClass()->isGenericLambda())
    return std::nullopt;
  SourceRange TypeRange = V->getTypeSourceInfo()->getTypeLoc().getSourceRange();
  if (TypeRange.isInvalid() || TypeRange.getBegin().isMacroID() ||
      TypeRange.getEnd().isMacroID())
    return std::nullopt;
  CharSourceRange Range = CharSourceRange::getTokenRange(TypeRange);
  if (Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts()) !=
      "std::thread")
    return std::nullopt;
  JthreadCompatibleUses Uses(V);
  Uses.TraverseStmt(Fn->getBody());
  if (Uses.Uses != Uses.MemberCalls)
    return std::nullopt;
  return FixItHint::CreateReplacement(Range, "std::jthread");
}

class FunctionChecker {
public:
  FunctionChecker(ASTContext &Ctx, const FunctionDecl *Fn,
                  std::map<const FunctionDecl *, bool> &ThrowMemo)
      : Ctx(Ctx), Fn(Fn), ThrowMemo(ThrowMemo) {}

  void run(std::map<const VarDecl *, UnjoinedThreadFinding> &Out);

private:
  void scan(const Stmt *S);
  void transfer(const CFGBlock *B, State &S);
  void handle(const Stmt *S, State &St);
  /// Call is the call whose arguments Args are (it maps them to parameters,
  /// the object of a member operator included); null for a constructor,
  /// whose parameters Callee gives.
  void escapeArgs(const FunctionDecl *Callee, const CallExpr *Call,
                  llvm::ArrayRef<const Expr *> Args, State &St);
  void leaveByThrow(const Stmt *At, const State &St);
  /// Does an exception at At leave V's scope (no try inside it catches)?
  bool unwinds(const Stmt *At, const VarDecl *V);
  void report(const VarDecl *V, SourceLocation StartedAt, SourceLocation EndsAt,
              UnjoinedThreadFinding::Exit How);

  ASTContext &Ctx;
  const FunctionDecl *Fn;
  std::map<const FunctionDecl *, bool> &ThrowMemo;
  std::unique_ptr<CFG> G;
  std::set<const VarDecl *> Tracked;
  /// Loops that join (or detach) every element of a collection.
  std::map<const Stmt *, const VarDecl *> JoinLoops;
  bool Reporting = false;
  std::map<const VarDecl *, UnjoinedThreadFinding> Found;
};

class JoinCallFinder : public RecursiveASTVisitor<JoinCallFinder> {
public:
  explicit JoinCallFinder(std::function<bool(const Expr *)> IsElement)
      : IsElement(std::move(IsElement)) {}
  bool Found = false;
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && (M->getName() == "join" || M->getName() == "detach") &&
        IsElement(MC->getImplicitObjectArgument()))
      Found = true;
    return !Found;
  }

private:
  std::function<bool(const Expr *)> IsElement;
};

void FunctionChecker::scan(const Stmt *S) {
  // Tracked variables, and the loops that join a whole collection.
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->isLocalVarDecl() && !V->isStaticLocal() &&
            !V->getType()->isReferenceType() &&
            (isPlainThread(V->getType()) || isThreadCollection(V->getType())))
          Tracked.insert(V);
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S)) {
    if (const VarDecl *C = varNamed(RF->getRangeInit()); C && isThreadCollection(C->getType())) {
      const VarDecl *Loop = RF->getLoopVariable();
      JoinCallFinder Finder([Loop](const Expr *E) { return varNamed(E) == Loop; });
      Finder.TraverseStmt(const_cast<Stmt *>(RF->getBody()));
      if (Finder.Found)
        JoinLoops[RF] = C;
    }
  } else if (const auto *FS = dyn_cast<ForStmt>(S)) {
    // for (i...) Workers[i].join();
    const VarDecl *Joined = nullptr;
    JoinCallFinder Finder([&Joined](const Expr *E) {
      E = bare(E);
      const Expr *Base = nullptr;
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
        Base = AS->getBase();
      else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
               OC && OC->getOperator() == OO_Subscript)
        Base = OC->getArg(0);
      else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
               MC && MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
               MC->getMethodDecl()->getName() == "at")
        Base = MC->getImplicitObjectArgument();
      const VarDecl *C = Base ? varNamed(Base) : nullptr;
      if (C && isThreadCollection(C->getType())) {
        Joined = C;
        return true;
      }
      return false;
    });
    Finder.TraverseStmt(const_cast<Stmt *>(FS->getBody()));
    if (Finder.Found && Joined)
      JoinLoops[FS] = Joined;
  }
  for (const Stmt *Child : S->children())
    scan(Child);
}

bool FunctionChecker::unwinds(const Stmt *At, const VarDecl *V) {
  // Walk out from the throw: a try block reached before V's declaration's
  // block catches it while V lives; reaching V's block first means the
  // exception leaves V's scope.
  const Stmt *VScope = nullptr;
  DynTypedNodeList Parents = Ctx.getParents(*V);
  while (!Parents.empty() && !VScope) {
    VScope = Parents[0].get<CompoundStmt>();
    if (!VScope)
      Parents = Ctx.getParents(Parents[0]);
  }
  const Stmt *Prev = At;
  Parents = Ctx.getParents(*At);
  while (!Parents.empty()) {
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      return true;
    if (const auto *Try = dyn_cast<CXXTryStmt>(P); Try && Try->getTryBlock() == Prev)
      return false;
    if (P == VScope)
      return true;
    Prev = P;
    Parents = Ctx.getParents(*P);
  }
  return true;
}

void FunctionChecker::report(const VarDecl *V, SourceLocation StartedAt,
                             SourceLocation EndsAt, UnjoinedThreadFinding::Exit How) {
  if (!Reporting)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  auto It = Found.find(V);
  // One finding per thread: the first place it can end joinable.
  if (It != Found.end() &&
      !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(EndsAt),
                                    SM.getExpansionLoc(It->second.EndsAt)))
    return;
  UnjoinedThreadFinding F;
  F.Thread = V->getName().str();
  F.InCollection = isThreadCollection(V->getType());
  F.StartedAt = StartedAt;
  F.EndsAt = EndsAt;
  F.How = How;
  Found[V] = F;
}

void FunctionChecker::leaveByThrow(const Stmt *At, const State &St) {
  for (const auto &[V, Started] : St)
    if (unwinds(At, V))
      report(V, Started, At->getBeginLoc(),
             isa<CXXThrowExpr>(At) ? UnjoinedThreadFinding::Exit::Throw
                                   : UnjoinedThreadFinding::Exit::CallThrows);
}

void FunctionChecker::escapeArgs(const FunctionDecl *Callee, const CallExpr *Call,
                                 llvm::ArrayRef<const Expr *> Args, State &St) {
  for (unsigned I = 0; I < Args.size(); ++I) {
    const Expr *Arg = Args[I];
    if (const VarDecl *M = movedVar(Arg)) {
      St.erase(M); // Moved away: whoever got it joins it.
      continue;
    }
    const VarDecl *V = varNamed(Arg);
    if (!V) {
      if (const auto *UO = dyn_cast<UnaryOperator>(bare(Arg)); UO && UO->getOpcode() == UO_AddrOf)
        St.erase(varNamed(UO->getSubExpr()));
      continue;
    }
    if (!St.count(V))
      continue;
    // The object of a member operator (`Ts[I]`) is used in place, not
    // handed over.
    if (Call && I == 0 && isa<CXXOperatorCallExpr>(Call) &&
        isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()))
      continue;
    QualType P = Call ? paramTypeOfArg(Call, I)
                 : Callee && I < Callee->getNumParams() ? Callee->getParamDecl(I)->getType()
                                                        : QualType();
    // Handed over by non-const reference: the callee (a joiner, a pool)
    // may join it; we cannot tell, so we stop following it.
    if (P.isNull() || (P->isReferenceType() && !P.getNonReferenceType().isConstQualified()))
      St.erase(V);
  }
}

void FunctionChecker::handle(const Stmt *S, State &St) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !Tracked.count(V))
        continue;
      St.erase(V);
      const Expr *Init = V->getInit();
      if (!Init || !isPlainThread(V->getType()))
        continue;
      if (startsThread(Init)) {
        St[V] = V->getLocation();
        continue;
      }
      const Expr *B = bare(Init);
      if (const auto *CC = dyn_cast<CXXConstructExpr>(B);
          CC && CC->getNumArgs() == 1 && CC->getConstructor()->isMoveConstructor())
        B = CC->getArg(0);
      if (const VarDecl *From = movedVar(B)) {
        if (auto It = St.find(From); It != St.end()) {
          St[V] = It->second;
          St.erase(It);
        }
      }
    }
    return;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    llvm::StringRef Name = M && M->getIdentifier() ? M->getName() : "";
    const VarDecl *Obj = varNamed(MC->getImplicitObjectArgument());
    llvm::SmallVector<const Expr *, 4> Args(MC->arg_begin(), MC->arg_end());
    if (Obj && Tracked.count(Obj) && isPlainThread(Obj->getType())) {
      if (Name == "join" || Name == "detach" || Name == "swap")
        St.erase(Obj);
    } else if (Obj && Tracked.count(Obj) && isThreadCollection(Obj->getType())) {
      // A thread put in: started here, or moved in while joinable.
      if (Name == "emplace_back" || Name == "push_back" || Name == "emplace" ||
          Name == "insert" || Name == "emplace_front" || Name == "push_front") {
        bool Joinable = false;
        for (const Expr *Arg : Args) {
          const VarDecl *From = movedVar(Arg);
          Joinable |= startsThread(Arg) || (From && St.count(From)) ||
                      (Name.starts_with("emplace") && !From && !startsThread(Arg) &&
                       !isPlainThread(Arg->getType()));
        }
        if (Joinable)
          St.try_emplace(Obj, MC->getExprLoc());
      }
    }
    escapeArgs(M, MC, Args, St);
    if (const FunctionDecl *Callee = MC->getDirectCallee();
        Callee && mayThrow(Callee, Ctx, 0, ThrowMemo))
      leaveByThrow(S, St);
    return;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
      const VarDecl *V = varNamed(OC->getArg(0));
      if (V && Tracked.count(V) && isPlainThread(V->getType())) {
        if (auto It = St.find(V); It != St.end())
          report(V, It->second, OC->getOperatorLoc(),
                 UnjoinedThreadFinding::Exit::Reassigned);
        St.erase(V);
        if (startsThread(OC->getArg(1))) {
          St[V] = OC->getOperatorLoc();
        } else if (const VarDecl *From = movedVar(OC->getArg(1))) {
          if (auto It = St.find(From); It != St.end()) {
            St[V] = It->second;
            St.erase(It);
          }
        }
        return;
      }
    }
    llvm::SmallVector<const Expr *, 4> Args(OC->arg_begin(), OC->arg_end());
    escapeArgs(OC->getDirectCallee(), OC, Args, St);
    return;
  }
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    llvm::SmallVector<const Expr *, 4> Args(CE->arg_begin(), CE->arg_end());
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "move")
      return; // Judged where the moved value goes.
    escapeArgs(Callee, CE, Args, St);
    if (Callee && mayThrow(Callee, Ctx, 0, ThrowMemo))
      leaveByThrow(S, St);
    return;
  }
  if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
    // A joiner object built on the thread (`ThreadGuard G(T)`), or a
    // jthread taking it over.
    if (!CC->getConstructor()->isCopyOrMoveConstructor() || !isPlainThread(CC->getType())) {
      llvm::SmallVector<const Expr *, 4> Args(CC->arg_begin(), CC->arg_end());
      escapeArgs(CC->getConstructor(), nullptr, Args, St);
    } else if (const VarDecl *From = CC->getNumArgs() ? movedVar(CC->getArg(0)) : nullptr) {
      (void)From; // A move into a new thread object: judged at its use.
    }
    return;
  }
  if (isa<InitListExpr>(S) || isa<CXXParenListInitExpr>(S)) {
    // An aggregate joiner built on the thread (`ThreadGuard G{T}`, or
    // `G(T)` in C++20): a std::thread cannot be copied, so it is bound by
    // reference or moved.
    llvm::ArrayRef<Expr *> Inits =
        isa<InitListExpr>(S) ? cast<InitListExpr>(S)->inits()
                             : cast<CXXParenListInitExpr>(S)->getInitExprs();
    for (const Expr *Init : Inits) {
      if (const VarDecl *V = varNamed(Init))
        St.erase(V);
      if (const VarDecl *M = movedVar(Init))
        St.erase(M);
    }
    return;
  }
  if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
            V && C.getCaptureKind() == LCK_ByRef)
          St.erase(V);
    for (const Expr *Init : LE->capture_inits())
      if (const VarDecl *M = Init ? movedVar(Init) : nullptr)
        St.erase(M);
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->getOpcode() == UO_AddrOf)
      if (const VarDecl *V = varNamed(UO->getSubExpr()))
        St.erase(V);
    return;
  }
  if (isa<CXXThrowExpr>(S))
    leaveByThrow(S, St);
}

void FunctionChecker::transfer(const CFGBlock *B, State &St) {
  for (const CFGElement &E : *B) {
    if (auto CS = E.getAs<CFGStmt>()) {
      handle(CS->getStmt(), St);
    } else if (auto Dtor = E.getAs<CFGAutomaticObjDtor>()) {
      const VarDecl *V = Dtor->getVarDecl();
      auto It = St.find(V);
      if (It == St.end())
        continue;
      const Stmt *Trigger = Dtor->getTriggerStmt();
      bool Return = Trigger && isa<ReturnStmt>(Trigger);
      SourceLocation At = Trigger ? Trigger->getEndLoc() : V->getLocation();
      if (Return)
        At = Trigger->getBeginLoc();
      report(V, It->second, At,
             Return ? UnjoinedThreadFinding::Exit::Return
                    : UnjoinedThreadFinding::Exit::ScopeEnd);
      St.erase(It);
    }
  }
  if (const Stmt *T = B->getTerminatorStmt())
    if (auto It = JoinLoops.find(T); It != JoinLoops.end())
      St.erase(It->second);
}

/// The thread whose joinable() is the whole branch condition, and whether
/// the true edge means "joinable".
std::optional<std::pair<const VarDecl *, bool>> joinableTest(const CFGBlock *B) {
  const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
  if (!Cond)
    return std::nullopt;
  bool Positive = true;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_LNot)
      return std::nullopt;
    Positive = !Positive;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || M->getName() != "joinable")
    return std::nullopt;
  if (const VarDecl *V = varNamed(MC->getImplicitObjectArgument()))
    return std::make_pair(V, Positive);
  return std::nullopt;
}

void FunctionChecker::run(std::map<const VarDecl *, UnjoinedThreadFinding> &Out) {
  scan(Fn->getBody());
  if (Tracked.empty())
    return;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.setAllAlwaysAdd();
  G = CFG::buildCFG(Fn, Fn->getBody(), &Ctx, Options);
  if (!G)
    return;

  std::vector<std::optional<State>> In(G->getNumBlockIDs());
  In[G->getEntry().getBlockID()] = State();
  PostOrderCFGView Order(G.get());
  auto Propagate = [&](bool Final) {
    bool Changed = false;
    Reporting = Final;
    for (const CFGBlock *B : Order) {
      if (!In[B->getBlockID()])
        continue;
      State S = *In[B->getBlockID()];
      transfer(B, S);
      std::optional<std::pair<const VarDecl *, bool>> Test = joinableTest(B);
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
        const CFGBlock *N = Succ.getReachableBlock();
        unsigned I = Index++;
        if (!N)
          continue;
        State Edge = S;
        // `if (T.joinable())`: not joinable on the false edge.
        if (Test && (I == 0) != Test->second)
          Edge.erase(Test->first);
        std::optional<State> &Target = In[N->getBlockID()];
        if (!Target) {
          Target = Edge;
          Changed = true;
        } else {
          size_t Before = Target->size();
          merge(*Target, Edge);
          Changed |= Target->size() != Before;
        }
      }
    }
    return Changed;
  };
  for (unsigned Round = 0; Round < MaxRounds && Propagate(false); ++Round) {
  }
  Propagate(true);
  for (auto &[V, F] : Found) {
    if (!F.InCollection)
      F.Fix = jthreadFix(V, Fn, Ctx);
    Out.emplace(V, F);
  }
}

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(ASTContext &Ctx) : Ctx(Ctx) {}
  std::vector<const FunctionDecl *> Functions;
  bool VisitFunctionDecl(FunctionDecl *F) {
    add(F);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    add(LE->getCallOperator());
    return true;
  }

private:
  void add(const FunctionDecl *F) {
    if (F && F->doesThisDeclarationHaveABody() && !F->isDependentContext() &&
        !Ctx.getSourceManager().isInSystemHeader(F->getLocation()))
      Functions.push_back(F);
  }
  ASTContext &Ctx;
};

} // namespace

namespace {

/// Finds the ways the threads of one handle variable can be moved out.
class LeaveFinder : public RecursiveASTVisitor<LeaveFinder> {
public:
  explicit LeaveFinder(const VarDecl *V) { Names.insert(V); }
  bool Leaves = false;

  bool VisitCXXForRangeStmt(CXXForRangeStmt *RF) {
    // `for (std::thread &T : Threads)`: T names the elements too.
    if (const VarDecl *Range = varNamed(RF->getRangeInit()); Range && Names.count(Range))
      if (const VarDecl *Loop = RF->getLoopVariable();
          Loop && Loop->getType()->isReferenceType() &&
          !Loop->getType().getNonReferenceType().isConstQualified())
        Names.insert(Loop);
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Fn = CE->getDirectCallee();
    bool StdMover = Fn && Fn->isInStdNamespace() && Fn->getIdentifier() &&
                    (Fn->getName() == "move" || Fn->getName() == "swap" ||
                     Fn->getName() == "exchange");
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      if (!names(CE->getArg(I)))
        continue;
      // The object of a member operator (`Threads[I]`) is not handed over.
      if (I == 0 && isa<CXXOperatorCallExpr>(CE) && Fn && isa<CXXMethodDecl>(Fn))
        continue;
      QualType P = paramTypeOfArg(CE, I);
      if (StdMover || P.isNull() ||
          (P->isReferenceType() && !P.getNonReferenceType().isConstQualified()))
        Leaves = true;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const CXXMethodDecl *M = MC->getMethodDecl();
          M && M->getIdentifier() && M->getName() == "swap" &&
          names(MC->getImplicitObjectArgument()))
        Leaves = true;
    return !Leaves;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf && names(UO->getSubExpr()))
      Leaves = true;
    return !Leaves;
  }

private:
  /// E is one of the names, or an element of one (`Threads[I]`).
  bool names(const Expr *E) const {
    E = bare(E);
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() >= 1)
      E = bare(OC->getArg(0));
    else if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(E))
      E = bare(AS->getBase());
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
    return DRE && Names.count(dyn_cast<VarDecl>(DRE->getDecl()));
  }
  std::set<const VarDecl *> Names;
};

} // namespace

bool isThreadHandleVariable(const VarDecl *V) {
  return V && !V->getType()->isReferenceType() &&
         (isPlainThread(V->getType()) || isThreadCollection(V->getType()));
}

bool threadMayLeaveScope(const VarDecl *V, const FunctionDecl *Fn) {
  if (!Fn || !Fn->getBody())
    return true;
  LeaveFinder Finder(V);
  Finder.TraverseStmt(Fn->getBody());
  return Finder.Leaves;
}

std::vector<UnjoinedThreadFinding> findUnjoinedThreads(ASTContext &Ctx) {
  FunctionCollector Collector(Ctx);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  std::map<const FunctionDecl *, bool> ThrowMemo;
  std::map<const VarDecl *, UnjoinedThreadFinding> Found;
  for (const FunctionDecl *F : Collector.Functions)
    FunctionChecker(Ctx, F, ThrowMemo).run(Found);
  std::vector<UnjoinedThreadFinding> Out;
  for (auto &[V, F] : Found)
    Out.push_back(F);
  return Out;
}

} // namespace analysis
} // namespace racelab
