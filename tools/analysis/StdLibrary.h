//===- StdLibrary.h - What the analysis knows about std and pthreads -*- C++ -*-===//
//
// Recognises the standard-library and POSIX names that matter for races:
// thread types, mutexes and guards, atomics and other thread-safe objects,
// and which container members modify the container.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_STDLIBRARY_H
#define RACELAB_ANALYSIS_STDLIBRARY_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"

#include <initializer_list>

namespace racelab {
namespace analysis {

/// The record a type names (through references, typedefs and cv), if it is
/// a class in namespace std, else null.
const clang::CXXRecordDecl *stdRecord(clang::QualType T);

/// std::Name (any of Names), through references, typedefs and cv.
bool isStdType(clang::QualType T, std::initializer_list<llvm::StringRef> Names);

/// std::Name as an enumeration type (std::launch, std::memory_order).
bool isStdEnum(clang::QualType T, llvm::StringRef Name);

bool isThreadType(clang::QualType T); ///< std::thread, std::jthread
bool isJThreadType(clang::QualType T);
/// std::mutex family and pthread_mutex_t / pthread_rwlock_t / spinlocks.
bool isMutexType(clang::QualType T);
bool isRecursiveMutexType(clang::QualType T);
/// A mutex, or any class of the program with lock() and unlock() members
/// (a spinlock, a mutex wrapper): what std::lock_guard<T> accepts.
bool isLockable(clang::QualType T);
/// lock_guard, unique_lock, scoped_lock, shared_lock.
bool isGuardType(clang::QualType T);
bool isAtomicType(clang::QualType T); ///< atomic, atomic_flag, atomic_ref
/// Objects whose own member functions are thread-safe, so calling them is
/// never a data race: mutexes, atomics, condition variables, futures,
/// promises, latches, barriers, semaphores, once_flag, threads, streams.
bool isThreadSafeType(clang::QualType T);
/// std::future, std::shared_future.
bool isFutureType(clang::QualType T);
bool isPromiseLikeType(clang::QualType T); ///< promise, packaged_task
/// A sequence or associative container, string, or container adaptor.
bool isStdContainerType(clang::QualType T);
/// std::shared_ptr, std::unique_ptr.
bool isSmartPointerType(clang::QualType T);

/// True if calling Method on a std container changes the container itself
/// (its size or structure): push_back, insert, erase, clear, map's
/// operator[], ... Element access (vector's operator[], at, front) is not;
/// the element is then accessed through the returned reference.
bool isContainerMutator(const clang::CXXMethodDecl *Method);

/// The qualified name of a function, e.g. "std::thread::join".
std::string qualifiedName(const clang::NamedDecl *D);

/// A C/POSIX function by name (pthread_mutex_lock, ...), in the global
/// namespace.
bool isCFunction(const clang::FunctionDecl *F, llvm::StringRef Name);

/// The type of the parameter argument ArgIndex of CE binds to; null when
/// unknown (no direct callee, variadic). For a member operator call
/// (`V[I]`, `F(X)`) argument 0 is the object, not a parameter.
clang::QualType paramTypeOfArg(const clang::CallExpr *CE, unsigned ArgIndex);

/// The element type of an array or of a standard container (its first
/// template argument: vector<T>, array<T, N>, list<T>...); null otherwise.
clang::QualType collectionElementType(clang::QualType T);

/// E without what only wraps a value on its way to where it is used:
/// parentheses, implicit casts, full-expression cleanups, temporaries
/// (materialised or bound) and functional casts (`std::string_view(X)`).
const clang::Expr *skipTemporaryWrappers(const clang::Expr *E);

} // namespace analysis
} // namespace racelab

#endif
