//===- CvWaitCheck.cpp - Condition-variable waits without a predicate -----===//
#include "CvWaitCheck.h"

#include "StdLibrary.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <set>

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

bool isLoop(const DynTypedNode &N) {
  return N.get<ForStmt>() || N.get<WhileStmt>() || N.get<DoStmt>() ||
         N.get<CXXForRangeStmt>();
}

/// Walks out from S to its function (or lambda): the first enclosing
/// loop, and the first enclosing if.
struct Surroundings {
  bool InLoop = false;
  const IfStmt *If = nullptr;
  const FunctionDecl *Function = nullptr; ///< Null inside a lambda.
};

Surroundings surroundings(const Stmt *S, ASTContext &Ctx) {
  Surroundings Out;
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (isLoop(P))
      Out.InLoop = true;
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

class WaitFinder : public RecursiveASTVisitor<WaitFinder> {
public:
  explicit WaitFinder(ASTContext &Ctx) : Ctx(Ctx) {}

  /// Untimed waits with no predicate, and the object waited on.
  std::vector<std::pair<const CallExpr *, const Expr *>> Waits;
  /// Functions called somewhere from inside a loop.
  std::set<const FunctionDecl *> CalledInLoop;

  bool VisitCallExpr(CallExpr *CE) {
    if (Ctx.getSourceManager().isInSystemHeader(CE->getBeginLoc()))
      return true;
    const FunctionDecl *Fn = CE->getDirectCallee();
    if (!Fn)
      return true;
    if (surroundings(CE, Ctx).InLoop)
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
        Waits.push_back({CE, Obj});
      return true;
    }
    if (isCFunction(Fn, "pthread_cond_wait") && CE->getNumArgs() == 2)
      Waits.push_back({CE, CE->getArg(0)});
    return true;
  }

private:
  ASTContext &Ctx;
};

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
  for (const auto &[Call, Obj] : Finder.Waits) {
    Surroundings S = surroundings(Call, Ctx);
    if (S.InLoop)
      continue;
    // A helper that only waits, called in a loop by its caller
    // (`while (!ready) waitForWork(lk);`), is the loop's body.
    if (S.Function && Finder.CalledInLoop.count(S.Function->getCanonicalDecl()))
      continue;
    CvWaitFinding F;
    F.ConditionVariable = spelling(Obj, Ctx);
    F.WaitAt = Call->getExprLoc();
    if (S.If)
      F.CheckedOnceAt = S.If->getIfLoc();
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace analysis
} // namespace racelab
