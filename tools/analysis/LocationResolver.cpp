//===- LocationResolver.cpp - Expressions to abstract locations -----------===//
#include "LocationResolver.h"

#include "RaceAnalysis.h"
#include "StdLibrary.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace racelab {
namespace analysis {

using namespace clang;

bool isDeclaredIn(const ValueDecl *V, const FunctionDecl *Fn) {
  if (!V || !Fn)
    return false;
  const DeclContext *DC = V->getDeclContext();
  return DC && (DC == Fn || DC->getRedeclContext() == Fn ||
                (isa<FunctionDecl>(DC) &&
                 cast<FunctionDecl>(DC)->getCanonicalDecl() == Fn->getCanonicalDecl()));
}

const Expr *LocationResolver::strip(const Expr *E) {
  while (E) {
    const Expr *Next = E;
    if (const auto *P = dyn_cast<ParenExpr>(E))
      Next = P->getSubExpr();
    else if (const auto *C = dyn_cast<ImplicitCastExpr>(E)) {
      switch (C->getCastKind()) {
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
      case CK_BaseToDerived:
        Next = C->getSubExpr();
        break;
      default:
        break;
      }
    } else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      Next = B->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E);
             FC && FC->getCastKind() == CK_ConstructorConversion)
      Next = FC->getSubExpr(); // std::thread(f): the construction inside.
    else if (const auto *FE = dyn_cast<FullExpr>(E))
      Next = FE->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const Frame *LocationResolver::owningFrame(const ValueDecl *V) const {
  for (const Frame *Fr = &F; Fr; Fr = Fr->Outer) {
    if (isDeclaredIn(V, Fr->Function))
      return Fr;
    if (Fr->Lambda && Fr->ByCopy.count(V))
      return Fr;
    // Captured by reference (or named from a nested lambda): the variable
    // lives in an enclosing activation.
  }
  return nullptr;
}

std::optional<AbstractLocation>
LocationResolver::resolveVar(const VarDecl *V, const Expr *Use) const {
  (void)Use;
  if (V->getTLSKind() != VarDecl::TLS_None)
    return AbstractLocation::local(V, F.Context); // Each thread its own.
  if (V->hasGlobalStorage())
    return AbstractLocation::global(V);
  const Frame *Owner = owningFrame(V);
  if (!Owner)
    return std::nullopt;
  if (V->getType()->isReferenceType()) {
    auto It = Owner->Referents.find(V);
    if (It != Owner->Referents.end())
      return It->second;
    return std::nullopt;
  }
  AbstractLocation L = AbstractLocation::local(V, Owner->Context);
  if (Owner->Lambda && Owner->ByCopy.count(V))
    L.CopyOf = Owner->Lambda;
  return L;
}

std::optional<AbstractLocation>
LocationResolver::pointeeOfVar(const VarDecl *V) const {
  if (V->hasGlobalStorage() && V->getTLSKind() == VarDecl::TLS_None)
    return A.globalPointee(V);
  const Frame *Owner = owningFrame(V);
  if (!Owner)
    return std::nullopt;
  auto It = Owner->Pointees.find(V);
  if (It != Owner->Pointees.end())
    return It->second;
  // Not bound by a walk (a frame resolved without walking, as for what a
  // function returns): what the variable was initialised with.
  if (!V->getType()->isReferenceType() && V->getInit() && !ParmVarDecl::classof(V) &&
      Depth < 4) {
    ++Depth;
    std::optional<AbstractLocation> P = pointee(V->getInit());
    --Depth;
    return P;
  }
  return std::nullopt;
}

/// The object a member call is made on, for `obj.f()` and `ptr->f()`.
static const Expr *callObject(const CXXMemberCallExpr *MC, bool &Arrow) {
  Arrow = false;
  if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
    Arrow = ME->isArrow();
  return MC->getImplicitObjectArgument();
}

std::optional<AbstractLocation> LocationResolver::resolve(const Expr *E) const {
  E = strip(E);
  if (!E)
    return std::nullopt;

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return resolveVar(V, DRE);
    if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl()))
      if (const Expr *BE = B->getBinding())
        return resolve(BE);
    return std::nullopt;
  }

  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return resolveVar(V, ME); // Static data member.
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return std::nullopt;
    // A reference member of a functor whose construction we saw.
    if (FD->getType()->isReferenceType() &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
        if (auto It = Fr->MemberReferents.find(FD); It != Fr->MemberReferents.end())
          return It->second;
    std::optional<AbstractLocation> Object =
        ME->isArrow() ? pointee(ME->getBase()) : resolve(ME->getBase());
    if (!Object)
      return std::nullopt;
    return Object->field(FD);
  }

  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    std::optional<AbstractLocation> Object = pointee(AS->getBase());
    if (!Object)
      return std::nullopt;
    SliceShape Shape = sliceShape(AS->getIdx());
    return Object->element(Shape.Slice, constantIndex(AS->getIdx()), Shape.Key,
                           AS->getIdx());
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref)
      return pointee(UO->getSubExpr());
    return std::nullopt;
  }

  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() == 0)
      return std::nullopt;
    switch (OC->getOperator()) {
    case OO_Subscript: {
      if (OC->getNumArgs() < 2)
        return std::nullopt;
      std::optional<AbstractLocation> Object = resolve(OC->getArg(0));
      if (!Object)
        return std::nullopt;
      bool IsMap = isStdType(OC->getArg(0)->getType(), {"map", "unordered_map"});
      if (IsMap)
        return Object->element(false);
      SliceShape Shape = sliceShape(OC->getArg(1));
      return Object->element(Shape.Slice, constantIndex(OC->getArg(1)), Shape.Key,
                             OC->getArg(1));
    }
    case OO_Star:
    case OO_Arrow:
      return pointee(OC->getArg(0));
    case OO_Equal:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_PlusPlus:
    case OO_MinusMinus:
      return resolve(OC->getArg(0));
    default:
      return std::nullopt;
    }
  }

  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M || !M->getIdentifier())
      return std::nullopt;
    bool Arrow;
    const Expr *Obj = callObject(MC, Arrow);
    if (M->getReturnType()->isLValueReferenceType() && !A.isLibraryCode(M))
      return A.returnedLocation(M, Arrow ? pointee(Obj) : resolve(Obj));
    if (!isStdContainerType(Obj->getType()) && !isSmartPointerType(Obj->getType()) &&
        !(Arrow && Obj->getType()->isPointerType() &&
          isStdContainerType(Obj->getType()->getPointeeType())))
      return std::nullopt;
    std::optional<AbstractLocation> Object = Arrow ? pointee(Obj) : resolve(Obj);
    llvm::StringRef Name = M->getName();
    if (Object && Name == "at" && MC->getNumArgs() == 1) {
      SliceShape Shape = sliceShape(MC->getArg(0));
      return Object->element(Shape.Slice, constantIndex(MC->getArg(0)), Shape.Key,
                             MC->getArg(0));
    }
    if (Object && (Name == "front" || Name == "back"))
      return Object->element(false);
    return std::nullopt;
  }

  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Fn = CE->getDirectCallee();
    if (!Fn)
      return std::nullopt;
    // std::move(x), std::forward<T>(x), std::as_const(x) name x.
    if (Fn->isInStdNamespace() && Fn->getIdentifier() && CE->getNumArgs() == 1 &&
        (Fn->getName() == "move" || Fn->getName() == "forward" ||
         Fn->getName() == "as_const"))
      return resolve(CE->getArg(0));
    // A getter returning a reference: what it returns.
    if (Fn->getReturnType()->isLValueReferenceType() && !isa<CXXOperatorCallExpr>(CE))
      return A.returnedLocation(Fn, std::nullopt);
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<AbstractLocation> LocationResolver::pointee(const Expr *E) const {
  E = strip(E);
  if (!E)
    return std::nullopt;

  if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
    switch (IC->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return resolve(IC->getSubExpr());
    case CK_LValueToRValue:
    case CK_BitCast:
    case CK_NoOp:
    case CK_IntegralToPointer:
    case CK_PointerToIntegral:
    case CK_NullToPointer:
      if (IC->getCastKind() == CK_NullToPointer)
        return std::nullopt;
      return pointee(IC->getSubExpr());
    default:
      return std::nullopt;
    }
  }
  if (const auto *EC = dyn_cast<ExplicitCastExpr>(E))
    return pointee(EC->getSubExpr());

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      // A reference to a pointer or smart pointer: look through it.
      if (V->getType()->isReferenceType() && !V->getType()->getPointeeType()->isRecordType())
        return std::nullopt;
      return pointeeOfVar(V);
    }
    return std::nullopt;
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      return resolve(UO->getSubExpr());
    return std::nullopt;
  }

  if (isa<CXXThisExpr>(E)) {
    for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
      if (Fr->This)
        return Fr->This;
    return std::nullopt;
  }

  if (const auto *New = dyn_cast<CXXNewExpr>(E))
    return A.heapObject(New, F.Context);

  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    // Pointer arithmetic stays within the same object.
    if (BO->isAdditiveOp()) {
      if (BO->getLHS()->getType()->isPointerType())
        return pointee(BO->getLHS());
      if (BO->getRHS()->getType()->isPointerType())
        return pointee(BO->getRHS());
    }
    return std::nullopt;
  }

  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    // A pointer member: what the construction of this very object stored
    // into it, else what was stored into it anywhere in the program.
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
      if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
          if (auto It = Fr->MemberPointees.find(FD); It != Fr->MemberPointees.end())
            return It->second;
      return A.fieldPointee(FD);
    }
    return std::nullopt;
  }

  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M || !M->getIdentifier())
      return std::nullopt;
    bool Arrow;
    const Expr *Obj = callObject(MC, Arrow);
    llvm::StringRef Name = M->getName();
    if (isSmartPointerType(Obj->getType()) && Name == "get")
      return pointee(Obj);
    if (isStdContainerType(Obj->getType())) {
      std::optional<AbstractLocation> Object = Arrow ? pointee(Obj) : resolve(Obj);
      if (Object &&
          (Name == "begin" || Name == "end" || Name == "cbegin" || Name == "cend" ||
           Name == "rbegin" || Name == "rend" || Name == "data" || Name == "find" ||
           Name == "lower_bound" || Name == "upper_bound"))
        return Object->element(false);
    }
    // A method handing out a pointer (a getter or factory of ours).
    if (M->getReturnType()->isPointerType() && !A.isLibraryCode(M))
      return A.returnedPointee(M, Arrow ? pointee(Obj) : resolve(Obj));
    return std::nullopt;
  }

  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() >= 1 &&
        (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_PlusPlus ||
         OC->getOperator() == OO_MinusMinus || OC->getOperator() == OO_Plus ||
         OC->getOperator() == OO_Minus))
      return pointee(OC->getArg(0));
    return std::nullopt;
  }

  if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
    // Copying a smart pointer or an iterator copies what it points to.
    if (CC->getNumArgs() >= 1 && CC->getConstructor()->isCopyOrMoveConstructor())
      return pointee(CC->getArg(0));
    return std::nullopt;
  }

  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *Fn = CE->getDirectCallee()) {
      if (Fn->isInStdNamespace() && Fn->getIdentifier()) {
        llvm::StringRef Name = Fn->getName();
        if (Name == "make_shared" || Name == "make_unique" ||
            Name == "allocate_shared")
          return A.heapObject(CE, F.Context);
        if ((Name == "move" || Name == "forward") && CE->getNumArgs() == 1)
          return pointee(CE->getArg(0));
        if (Name == "addressof" && CE->getNumArgs() == 1)
          return resolve(CE->getArg(0));
      }
      if (isCFunction(Fn, "malloc") || isCFunction(Fn, "calloc"))
        return A.heapObject(CE, F.Context);
      // A factory returning a pointer: what it returns.
      if (Fn->getReturnType()->isPointerType())
        return A.returnedPointee(Fn, std::nullopt);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

namespace {
std::string joinKeys(std::string A, const std::string &B) {
  if (A.empty())
    return B;
  if (B.empty() || A == B)
    return A;
  return A < B ? A + "," + B : B + "," + A;
}
} // namespace

std::string LocationResolver::privateKey(const Expr *E) const {
  if (!E)
    return {};
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *V = DRE->getDecl();
    for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
      if (Fr->Private.count(V)) {
        auto It = Fr->PrivateKey.find(V);
        return It == Fr->PrivateKey.end() ? std::string("?") : It->second;
      }
    if (isPrivateVariable(V))
      return "arg?"; // A spawner's loop counter: one value per thread.
    return {};
  }
  if (isa<ArraySubscriptExpr>(E) || isa<MemberExpr>(E) ||
      (isa<UnaryOperator>(E) && cast<UnaryOperator>(E)->getOpcode() == UO_Deref))
    if (std::optional<AbstractLocation> L = resolve(E))
      for (const PathElement &P : L->Path)
        if (P.K == PathElement::Kind::Element && P.Slice)
          return "?"; // Read from the thread's own slot.
  std::string Key;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      Key = joinKeys(Key, privateKey(CE));
  return Key;
}

namespace {
/// Guards helper-function expansion in sliceShape against recursion.
unsigned SliceCallDepth = 0;

bool isAtomicReadModifyWrite(const Expr *E) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    return M && M->getIdentifier() &&
           (M->getName() == "fetch_add" || M->getName() == "fetch_sub") &&
           isAtomicType(LocationResolver::strip(MC->getImplicitObjectArgument())->getType());
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return (OC->getOperator() == OO_PlusPlus || OC->getOperator() == OO_MinusMinus) &&
           OC->getNumArgs() >= 1 &&
           isAtomicType(LocationResolver::strip(OC->getArg(0))->getType());
  return false;
}
} // namespace

bool LocationResolver::walksARange(const Expr *E) const {
  E = E->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return A.isLoopCounter(V);
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (walksARange(CE))
        return true;
  return false;
}

LocationResolver::SliceShape LocationResolver::sliceShape(const Expr *E) const {
  SliceShape None;
  if (!E)
    return None;
  E = E->IgnoreParenCasts(); // size_t(t), static_cast<int>(t): still t.
  // Next.fetch_add(1): every call hands out a different number.
  if (isAtomicReadModifyWrite(E))
    return {true, "?"};
  // idx(x, y) with `return y * W + x;`: look at what the helper computes
  // from the thread's own values.
  if (const auto *CE = dyn_cast<CallExpr>(E); CE && !isa<CXXOperatorCallExpr>(CE)) {
    const FunctionDecl *Def = nullptr;
    const FunctionDecl *Fn = CE->getDirectCallee();
    if (!Fn || !Fn->hasBody(Def) || A.isLibraryCode(Def) || SliceCallDepth > 3)
      return None;
    const Expr *Returned = nullptr;
    unsigned Returns = 0;
    std::vector<const Stmt *> Work{Def->getBody()};
    while (!Work.empty()) {
      const Stmt *S = Work.back();
      Work.pop_back();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
        ++Returns;
        Returned = RS->getRetValue();
        continue;
      }
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
    }
    if (Returns != 1 || !Returned)
      return None;
    Frame Helper;
    Helper.Context = F.Context;
    Helper.Function = Def;
    for (unsigned I = 0; I < CE->getNumArgs() && I < Def->getNumParams(); ++I) {
      SliceShape Arg = sliceShape(CE->getArg(I));
      if (Arg.Slice) {
        Helper.Private.insert(Def->getParamDecl(I));
        Helper.PrivateKey[Def->getParamDecl(I)] = Arg.Key;
      }
    }
    ++SliceCallDepth;
    SliceShape Result = LocationResolver(A, Helper).sliceShape(Returned);
    --SliceCallDepth;
    return Result;
  }
  if (isa<DeclRefExpr>(E) || isa<ArraySubscriptExpr>(E) || isa<MemberExpr>(E) ||
      isa<UnaryOperator>(E)) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() != UO_Deref) {
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_Plus)
        return sliceShape(UO->getSubExpr());
      return None;
    }
    if (!isPrivate(E))
      return None;
    return {true, privateKey(E)};
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    SliceShape L = sliceShape(BO->getLHS()), R = sliceShape(BO->getRHS());
    switch (BO->getOpcode()) {
    case BO_Add:
    case BO_Sub: {
      if (L.Slice && R.Slice)
        return {true, joinKeys(L.Key, R.Key)};
      const SliceShape &Own = L.Slice ? L : R;
      const Expr *Other = L.Slice ? BO->getRHS() : BO->getLHS();
      if (!Own.Slice)
        return None;
      // i - 1, i + 1 while i walks a chunk: a neighbour's slot, not our
      // own. (2 * id + 1 for an identity is still the thread's own.)
      if (std::optional<llvm::APSInt> C = Other->getIntegerConstantExpr(A.ast());
          C && *C != 0 && walksARange(L.Slice ? BO->getLHS() : BO->getRHS()))
        return None;
      return Own;
    }
    case BO_Mul:
      // t * Chunk: still one slot per t. (Both sides private happens when a
      // thread holds copies of loop-invariant values too: w * comparators.)
      if (L.Slice && R.Slice)
        return {true, joinKeys(L.Key, R.Key)};
      if (L.Slice != R.Slice)
        return L.Slice ? L : R;
      return None;
    case BO_Div:
    case BO_Rem:
    case BO_Shr:
      // w * n / threads, (w + 1) % k: arithmetic on the thread's identity
      // keeps threads apart; i / 100, i % 16 while i walks a range makes
      // neighbouring threads meet in one slot.
      if (L.Slice && !R.Slice && !walksARange(BO->getLHS()))
        return L;
      return None;
    default:
      return None; // &, |, ^: many threads can meet in one slot.
    }
  }
  return None;
}

int64_t LocationResolver::constantIndex(const Expr *E) const {
  if (!E || E->isValueDependent())
    return -1;
  if (std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(A.ast()))
    if (V->isNonNegative() && V->getActiveBits() < 63)
      return V->getExtValue();
  return -1;
}

bool LocationResolver::isPrivateVariable(const ValueDecl *V) const {
  for (const Frame *Fr = &F; Fr; Fr = Fr->Outer)
    if (Fr->Private.count(V))
      return true;
  if (LoopCountersPrivate)
    if (const auto *VD = dyn_cast<VarDecl>(V))
      if (A.isLoopCounter(VD))
        return true;
  return false;
}

bool LocationResolver::isPrivate(const Expr *E) const {
  if (!E)
    return false;
  E = E->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return isPrivateVariable(DRE->getDecl());
  // A value read from the slot the spawner handed this thread (int id =
  // *static_cast<int *>(arg) with arg = &ids[i]) is its own. A value read
  // from a data slot (in[i]) is data, not an identity.
  if (isa<ArraySubscriptExpr>(E) || isa<MemberExpr>(E) ||
      (isa<UnaryOperator>(E) && cast<UnaryOperator>(E)->getOpcode() == UO_Deref))
    if (std::optional<AbstractLocation> L = resolve(E))
      for (const PathElement &P : L->Path)
        if (P.K == PathElement::Kind::Element && P.Slice &&
            P.SliceKey.find("arg") != std::string::npos)
          return true;
  return false;
}

} // namespace analysis
} // namespace racelab
