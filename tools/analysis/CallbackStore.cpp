//===- CallbackStore.cpp - Callbacks kept in std::function members --------===//
#include "CallbackStore.h"

#include "StdLibrary.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

#include <algorithm>

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

bool isCallbackType(QualType T) {
  return isStdType(T.getNonReferenceType(), {"function", "move_only_function"});
}

/// `this->M` (written `M`): M.
const FieldDecl *ownMember(const Expr *E) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

class StoreFinder : public RecursiveASTVisitor<StoreFinder> {
public:
  StoreFinder(const ParmVarDecl *P, ASTContext &Ctx) : P(P), Ctx(Ctx) {}
  std::vector<const FieldDecl *> Members;

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (DRE->getDecl() != P)
      return true;
    // Up through the expression around the use (std::move, a pair, a
    // conversion) to the call or assignment that keeps it.
    DynTypedNodeList Parents = Ctx.getParents(*DRE);
    for (unsigned Up = 0; Up < 8 && !Parents.empty(); ++Up) {
      const Expr *E = Parents[0].get<Expr>();
      if (!E)
        break;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
        if (const FieldDecl *FD = ownMember(MC->getImplicitObjectArgument())) {
          add(FD);
          break;
        }
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
          OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
        const Expr *To = OC->getArg(0)->IgnoreParenImpCasts();
        if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(To);
            Sub && Sub->getOperator() == OO_Subscript && Sub->getNumArgs() == 2)
          To = Sub->getArg(0);
        if (const FieldDecl *FD = ownMember(To))
          add(FD);
        break;
      }
      Parents = Ctx.getParents(*E);
    }
    return true;
  }

private:
  void add(const FieldDecl *FD) {
    if (std::find(Members.begin(), Members.end(), FD) == Members.end())
      Members.push_back(FD);
  }
  const ParmVarDecl *P;
  ASTContext &Ctx;
};

/// The range-for statement declaring V as its loop variable.
const CXXForRangeStmt *rangeForOf(const VarDecl *V, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*V);
  for (unsigned Up = 0; Up < 2 && !Parents.empty(); ++Up) {
    if (const auto *RF = Parents[0].get<CXXForRangeStmt>())
      return RF->getLoopVariable() == V ? RF : nullptr;
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

} // namespace

std::vector<const FieldDecl *> membersStoringParam(const FunctionDecl *Method,
                                                   unsigned Index, ASTContext &Ctx) {
  if (!Method || Index >= Method->getNumParams() || !Method->getBody() ||
      !isCallbackType(Method->getParamDecl(Index)->getType()))
    return {};
  StoreFinder Finder(Method->getParamDecl(Index), Ctx);
  Finder.TraverseStmt(Method->getBody());
  return Finder.Members;
}

const Expr *callbackSource(const Expr *Callee, ASTContext &Ctx) {
  const Expr *E = Callee->IgnoreParenImpCasts();
  if (ownMember(E))
    return E;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
    return OC->getArg(0)->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && M->getName() == "at")
      return MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE)
    return nullptr;
  const VarDecl *V = dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl()))
    V = dyn_cast_or_null<VarDecl>(B->getDecomposedDecl());
  if (!V)
    return nullptr;
  if (const CXXForRangeStmt *RF = rangeForOf(V, Ctx))
    return RF->getRangeInit()->IgnoreParenImpCasts();
  return nullptr;
}

} // namespace analysis
} // namespace racelab
