//===- StdLibrary.cpp - What the analysis knows about std and pthreads ----===//
#include "StdLibrary.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace racelab {
namespace analysis {

using namespace clang;

const CXXRecordDecl *stdRecord(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType();
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R || !R->isInStdNamespace() || !R->getIdentifier())
    return nullptr;
  return R;
}

bool isStdType(QualType T, std::initializer_list<llvm::StringRef> Names) {
  const CXXRecordDecl *R = stdRecord(T);
  if (!R)
    return false;
  llvm::StringRef Name = R->getName();
  for (llvm::StringRef N : Names)
    if (Name == N)
      return true;
  return false;
}

bool isStdEnum(QualType T, llvm::StringRef Name) {
  if (T.isNull())
    return false;
  const auto *ET = T.getNonReferenceType().getCanonicalType()->getAs<EnumType>();
  if (!ET)
    return false;
  const EnumDecl *ED = ET->getDecl();
  return ED->isInStdNamespace() && ED->getIdentifier() && ED->getName() == Name;
}

/// pthread_mutex_t and friends are C typedefs of anonymous unions.
static bool isTypedefNamed(QualType T, std::initializer_list<llvm::StringRef> Names) {
  T = T.getNonReferenceType();
  while (const auto *TT = T->getAs<TypedefType>()) {
    llvm::StringRef Name = TT->getDecl()->getName();
    for (llvm::StringRef N : Names)
      if (Name == N)
        return true;
    T = TT->getDecl()->getUnderlyingType();
  }
  return false;
}

bool isThreadType(QualType T) { return isStdType(T, {"thread", "jthread"}); }
bool isJThreadType(QualType T) { return isStdType(T, {"jthread"}); }

bool isMutexType(QualType T) {
  return isStdType(T, {"mutex", "timed_mutex", "recursive_mutex",
                       "recursive_timed_mutex", "shared_mutex",
                       "shared_timed_mutex"}) ||
         isTypedefNamed(T, {"pthread_mutex_t", "pthread_rwlock_t",
                            "pthread_spinlock_t"});
}

bool isLockable(QualType T) {
  if (isMutexType(T))
    return true;
  const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition() || R->isInStdNamespace())
    return false;
  bool Lock = false, Unlock = false;
  auto Scan = [&](const CXXRecordDecl *C) {
    for (const CXXMethodDecl *M : C->methods())
      if (M->getIdentifier()) {
        Lock |= M->getName() == "lock";
        Unlock |= M->getName() == "unlock";
      }
  };
  Scan(R);
  R->forallBases([&](const CXXRecordDecl *Base) {
    Scan(Base);
    return true;
  });
  return Lock && Unlock;
}

bool isRecursiveMutexType(QualType T) {
  return isStdType(T, {"recursive_mutex", "recursive_timed_mutex"});
}

bool isGuardType(QualType T) {
  return isStdType(T, {"lock_guard", "unique_lock", "scoped_lock", "shared_lock"});
}

bool isAtomicType(QualType T) {
  // libstdc++ declares the members in bases (__atomic_base<T>, ...); calls
  // name the base.
  return isStdType(T, {"atomic", "atomic_flag", "atomic_ref", "__atomic_base",
                       "__atomic_flag_base", "__atomic_float",
                       "__atomic_ref"}) ||
         T.getNonReferenceType()->isAtomicType();
}

bool isFutureType(QualType T) { return isStdType(T, {"future", "shared_future"}); }

bool isPromiseLikeType(QualType T) {
  return isStdType(T, {"promise", "packaged_task"});
}

bool isThreadSafeType(QualType T) {
  return isMutexType(T) || isAtomicType(T) || isThreadType(T) || isGuardType(T) ||
         isStdType(T, {"condition_variable", "condition_variable_any", "future",
                       "shared_future", "promise", "packaged_task", "latch",
                       "barrier", "counting_semaphore", "once_flag",
                       "stop_source", "stop_token", "basic_ostream",
                       "basic_istream", "basic_iostream", "basic_ios",
                       "ios_base"}) ||
         isTypedefNamed(T, {"pthread_cond_t", "pthread_barrier_t",
                            "pthread_once_t", "sem_t", "pthread_t"});
}

bool isStdContainerType(QualType T) {
  return isStdType(T, {"vector", "deque", "list", "forward_list", "array",
                       "map", "multimap", "set", "multiset", "unordered_map",
                       "unordered_multimap", "unordered_set",
                       "unordered_multiset", "basic_string", "queue", "stack",
                       "priority_queue", "span"});
}

bool isSmartPointerType(QualType T) {
  return isStdType(T, {"shared_ptr", "unique_ptr"});
}

bool isContainerMutator(const CXXMethodDecl *Method) {
  if (!Method || Method->isConst())
    return false;
  if (Method->isOverloadedOperator()) {
    switch (Method->getOverloadedOperator()) {
    case OO_Equal:
    case OO_PlusEqual:
      return true;
    case OO_Subscript:
      // map[key] inserts; vector[i] only hands out an element.
      return isStdType(QualType(Method->getParent()->getTypeForDecl(), 0),
                       {"map", "unordered_map"});
    default:
      return false;
    }
  }
  if (!Method->getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(Method->getName())
      .Cases("push_back", "emplace_back", "push_front", "emplace_front",
             "pop_back", "pop_front", true)
      .Cases("insert", "emplace", "emplace_hint", "try_emplace",
             "insert_or_assign", true)
      .Cases("erase", "clear", "resize", "reserve", "assign", "swap", true)
      .Cases("append", "shrink_to_fit", "merge", "extract", "splice", true)
      .Cases("remove", "remove_if", "unique", "sort", "reverse", true)
      .Cases("push", "pop", "replace", "fill", true)
      .Default(false);
}

std::string qualifiedName(const NamedDecl *D) {
  return D ? D->getQualifiedNameAsString() : std::string();
}

bool isCFunction(const FunctionDecl *F, llvm::StringRef Name) {
  return F && F->getIdentifier() && F->getName() == Name &&
         F->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

clang::QualType paramTypeOfArg(const clang::CallExpr *CE, unsigned ArgIndex) {
  const clang::FunctionDecl *Fn = CE->getDirectCallee();
  if (!Fn)
    return {};
  if (llvm::isa<clang::CXXOperatorCallExpr>(CE) && llvm::isa<clang::CXXMethodDecl>(Fn)) {
    if (ArgIndex == 0)
      return {}; // The object itself.
    --ArgIndex;
  }
  if (ArgIndex >= Fn->getNumParams())
    return {};
  return Fn->getParamDecl(ArgIndex)->getType();
}

clang::QualType collectionElementType(clang::QualType T) {
  T = T.getNonReferenceType();
  if (const clang::ArrayType *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType();
  if (!isStdContainerType(T))
    return clang::QualType();
  const auto *Spec =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type)
    return clang::QualType();
  return Spec->getTemplateArgs()[0].getAsType();
}

const clang::Expr *skipTemporaryWrappers(const clang::Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *EW = llvm::dyn_cast<clang::ExprWithCleanups>(E))
      E = EW->getSubExpr();
    else if (const auto *MT = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *FC = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else
      return E;
  }
  return E;
}

} // namespace analysis
} // namespace racelab
