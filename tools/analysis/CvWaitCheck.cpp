//===- CvWaitCheck.cpp - Condition-variable waits without a predicate -----===//
#include "CvWaitCheck.h"

#include "StdLibrary.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <set>

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

bool isLoop(const DynTypedNode &N) {
  return N.get<ForStmt>() || N.get<WhileStmt>() || N.get<DoStmt>() ||
         N.get<CXXForRangeStmt>();
}

/// Does S (an if's branch) go back to the top of the loop: `continue`?
/// An if that returns or breaks instead checks something else (a stop
/// flag), not the condition waited for.
bool startsOver(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ContinueStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return CS->body_back() && isa<ContinueStmt>(CS->body_back());
  return false;
}

/// After S returns, is a condition checked again before the state is
/// used? Yes when S ends its loop iteration, perhaps after some guards
/// (control goes back to the loop's condition: `while (!Ready) Cv.wait(L);`,
/// `for (;;) { if (Ready) break; Cv.wait(L); if (Stop) return; }`), or is
/// followed by a loop, a continue or an `if (...) continue;`. No when
/// other statements run first (`Cv.wait(L); Queue.pop();`) or the function
/// ends.
bool rechecked(const Stmt *S, ASTContext &Ctx) {
  DynTypedNode Child = DynTypedNode::create(*S);
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (isLoop(P))
      return true;
    if (const auto *CS = P.get<CompoundStmt>()) {
      const Stmt *Me = Child.get<Stmt>();
      const auto *It = std::find(CS->body_begin(), CS->body_end(), Me);
      // The statements after it: guards (an if that leaves) may come
      // first; a loop or a `continue` re-checks; anything else uses the
      // state before any re-check.
      for (auto Next = It == CS->body_end() ? It : std::next(It); Next != CS->body_end();
           ++Next) {
        const Stmt *N = *Next;
        if (isa<WhileStmt>(N) || isa<ForStmt>(N) || isa<DoStmt>(N) || isa<ContinueStmt>(N))
          return true;
        if (const auto *If = dyn_cast<IfStmt>(N)) {
          if (startsOver(If->getThen()))
            return true;
          continue;
        }
        if (isa<NullStmt>(N))
          continue;
        return false;
      }
    }
    if (P.get<LambdaExpr>() || P.get<FunctionDecl>())
      return false;
    Child = P;
    Parents = Ctx.getParents(P);
  }
  return false;
}

/// Walks out from S to its function (or lambda): the first enclosing if.
struct Surroundings {
  const IfStmt *If = nullptr;
  const FunctionDecl *Function = nullptr; ///< Null inside a lambda.
};

Surroundings surroundings(const Stmt *S, ASTContext &Ctx) {
  Surroundings Out;
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (const auto *If = P.get<IfStmt>(); If && !Out.If)
      Out.If = If;
    if (P.get<LambdaExpr>())
      return Out;
    if (const auto *F = P.get<FunctionDecl>()) {
      Out.Function = F;
      return Out;
    }
    Parents = Ctx.getParents(P);
  }
  return Out;
}

/// The lock (or pthread mutex) of a wait is a parameter: the caller holds
/// it, and can re-check the condition under it around the call.
bool lockIsParameter(const Expr *Lock) {
  const Expr *E = Lock->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE && isa<ParmVarDecl>(DRE->getDecl());
}

class WaitFinder : public RecursiveASTVisitor<WaitFinder> {
public:
  explicit WaitFinder(ASTContext &Ctx) : Ctx(Ctx) {}

  /// Untimed waits with no predicate: the call, the object waited on and
  /// the lock.
  struct Wait {
    const CallExpr *Call;
    const Expr *Cv;
    const Expr *Lock;
  };
  std::vector<Wait> Waits;
  /// Functions called somewhere as a loop's re-checked step.
  std::set<const FunctionDecl *> CalledInLoop;

  bool VisitCallExpr(CallExpr *CE) {
    if (Ctx.getSourceManager().isInSystemHeader(CE->getBeginLoc()))
      return true;
    const FunctionDecl *Fn = CE->getDirectCallee();
    if (!Fn)
      return true;
    if (rechecked(CE, Ctx))
      CalledInLoop.insert(Fn->getCanonicalDecl());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      const Expr *Obj = MC->getImplicitObjectArgument();
      // wait(lock) only: wait(lock, pred) re-checks, wait_for/wait_until
      // end by themselves.
      if (M && M->getIdentifier() && M->getName() == "wait" && MC->getNumArgs() == 1 &&
          Obj &&
          isStdType(Obj->getType().getNonReferenceType(),
                    {"condition_variable", "condition_variable_any"}))
        Waits.push_back({CE, Obj, MC->getArg(0)});
      return true;
    }
    if (isCFunction(Fn, "pthread_cond_wait") && CE->getNumArgs() == 2)
      Waits.push_back({CE, CE->getArg(0), CE->getArg(1)});
    return true;
  }

private:
  ASTContext &Ctx;
};

/// `if (!Ready) Cv.wait(Lock);` -> `while (!Ready) Cv.wait(Lock);`: when
/// the `if` holds the wait and nothing else, its condition is what the
/// wait waits for, and making it a loop is the whole fix. Anything else
/// in the `if` (an else, an init statement, more statements) leaves a
/// choice, so no edit.
std::optional<FixItHint> ifToWhile(const IfStmt *If, const CallExpr *Wait) {
  if (If->getElse() || If->getInit() || If->getConditionVariable() || If->isConstexpr() ||
      If->isConsteval() || If->getIfLoc().isMacroID())
    return std::nullopt;
  const Stmt *Then = If->getThen();
  if (const auto *Block = dyn_cast<CompoundStmt>(Then)) {
    if (Block->size() != 1)
      return std::nullopt;
    Then = Block->body_front();
  }
  const auto *E = dyn_cast<Expr>(Then);
  if (!E || E->IgnoreImplicit() != Wait)
    return std::nullopt;
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(If->getIfLoc(), If->getIfLoc()), "while");
}

std::string spelling(const Expr *E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  std::string S = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  if (!S.empty() && S[0] == '&')
    S.erase(0, 1); // pthread_cond_wait(&Cond, ...)
  return S.empty() ? "the condition variable" : S;
}

} // namespace

std::vector<CvWaitFinding> findCvWaitsWithoutPredicate(ASTContext &Ctx) {
  WaitFinder Finder(Ctx);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  std::vector<CvWaitFinding> Out;
  for (const auto &[Call, Obj, Lock] : Finder.Waits) {
    if (rechecked(Call, Ctx))
      continue;
    // A helper waiting on its caller's lock, called as the re-checked step
    // of the caller's loop (`while (!Ready) waitForWork(Lock);`), is that
    // loop's body. A helper with a lock of its own is not: the caller
    // cannot re-check under it.
    Surroundings S = surroundings(Call, Ctx);
    if (S.Function && lockIsParameter(Lock) &&
        Finder.CalledInLoop.count(S.Function->getCanonicalDecl()))
      continue;
    CvWaitFinding F;
    F.ConditionVariable = spelling(Obj, Ctx);
    F.WaitAt = Call->getExprLoc();
    if (S.If) {
      F.CheckedOnceAt = S.If->getIfLoc();
      F.Fix = ifToWhile(S.If, Call);
    }
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace analysis
} // namespace racelab
