//===- LockIdentity.cpp - Which mutex a lock location is ------------------===//
#include "LockIdentity.h"

#include "StdLibrary.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

/// The I-th type argument of a template specialisation, or null.
QualType templateArg(QualType T, unsigned I) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() <= I ||
      Spec->getTemplateArgs()[I].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[I].getAsType();
}

/// The type of an element of T (an array, a std container, a smart
/// pointer to an array).
QualType elementType(QualType T) {
  T = T.getNonReferenceType();
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType();
  if (isStdType(T, {"map", "unordered_map", "multimap", "unordered_multimap"}))
    return templateArg(T, 1);
  if (isStdContainerType(T) || isSmartPointerType(T)) {
    QualType E = templateArg(T, 0);
    if (!E.isNull())
      if (const ArrayType *AT = E->getAsArrayTypeUnsafe())
        return AT->getElementType();
    return E;
  }
  return QualType();
}

/// The object type a heap allocation site makes.
QualType allocatedType(const Expr *Site) {
  if (const auto *New = dyn_cast<CXXNewExpr>(Site))
    return New->getAllocatedType();
  // make_shared<T>(...), make_unique<T>(...): the result's pointee.
  QualType T = Site->getType();
  if (isSmartPointerType(T))
    return templateArg(T, 0);
  if (T->isPointerType())
    return T->getPointeeType();
  return QualType();
}

bool inLoop(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (P.get<ForStmt>() || P.get<WhileStmt>() || P.get<DoStmt>() ||
        P.get<CXXForRangeStmt>())
      return true;
    if (P.get<FunctionDecl>() || P.get<LambdaExpr>())
      return false;
    Parents = Ctx.getParents(P);
  }
  return false;
}

const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    if (const auto *F = Parents[0].get<FunctionDecl>())
      return F;
    if (Parents[0].get<LambdaExpr>())
      return nullptr;
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

} // namespace

QualType typeOfLocation(const AbstractLocation &L) {
  QualType T;
  if (L.CopyOf && L.Kind == AbstractLocation::RootKind::Global)
    return QualType(); // The once-guard of a function-local static.
  if (L.Kind == AbstractLocation::RootKind::Heap) {
    const auto *Site = static_cast<const Stmt *>(L.Root);
    if (const auto *E = dyn_cast_or_null<Expr>(Site))
      T = allocatedType(E);
  } else if (const auto *D = static_cast<const Decl *>(L.Root)) {
    // Roots of these kinds are variables; a pseudo-lock's root is a
    // statement and never gets here (callers skip pseudo-locks).
    if (const auto *V = dyn_cast<ValueDecl>(D))
      T = V->getType();
  }
  for (const PathElement &E : L.Path) {
    if (T.isNull())
      return T;
    switch (E.K) {
    case PathElement::Kind::Field:
      T = E.Field->getType();
      break;
    case PathElement::Kind::Element:
      T = elementType(T);
      break;
    case PathElement::Kind::Structure:
      return QualType();
    }
  }
  return T.isNull() ? T : T.getNonReferenceType();
}

std::optional<MutexKind> mutexKindOf(const AbstractLocation &L) {
  QualType T = typeOfLocation(L);
  if (T.isNull())
    return MutexKind::Unknown;
  if (isStdType(T, {"once_flag"}))
    return std::nullopt;
  if (isRecursiveMutexType(T))
    return MutexKind::Recursive;
  if (isStdType(T, {"mutex", "timed_mutex", "shared_mutex", "shared_timed_mutex"}))
    return MutexKind::NonRecursive;
  if (isMutexType(T)) // pthread_mutex_t, pthread_rwlock_t, pthread_spinlock_t
    return T.getAsString().find("mutex") != std::string::npos ? MutexKind::Pthread
                                                               : MutexKind::NonRecursive;
  return MutexKind::Unknown;
}

bool hasElementStep(const AbstractLocation &L) {
  for (const PathElement &E : L.Path)
    if (E.K != PathElement::Kind::Field)
      return true;
  return false;
}

bool isSingleObject(const AbstractLocation &L, ASTContext &Ctx) {
  for (const PathElement &E : L.Path)
    if (E.K == PathElement::Kind::Structure ||
        (E.K == PathElement::Kind::Element && E.Index < 0))
      return false;
  if (L.Kind != AbstractLocation::RootKind::Heap)
    return true;
  // One allocation site can make many objects. It makes one when it runs
  // once: in main, outside any loop, and the object was not reached
  // through a global or a member ("whichever instance was published").
  if (L.Owner == 0)
    return false;
  const auto *Site = static_cast<const Stmt *>(L.Root);
  const FunctionDecl *Fn = Site ? enclosingFunction(Site, Ctx) : nullptr;
  return Fn && Fn->isMain() && !inLoop(Site, Ctx);
}

std::string collapsedKey(const AbstractLocation &L) {
  AbstractLocation C = L;
  for (PathElement &E : C.Path)
    if (E.K == PathElement::Kind::Element) {
      E.Slice = false;
      E.Index = -1;
      E.SliceKey.clear();
    }
  return C.key();
}

} // namespace analysis
} // namespace racelab
