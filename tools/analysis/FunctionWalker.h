//===- FunctionWalker.h - Walk one activation over its CFG ------*- C++ -*-===//
//
// Walks a function's CFG (built with implicit destructors, every
// sub-expression its own element) in one frame, carrying a FlowState:
// locks taken and released (guards, manual lock/unlock, try_lock on the
// branch that got it, pthread calls, std::lock, helpers), threads started
// and joined, synchronisation through promises, latches, atomics and
// call_once. Calls into functions with bodies are walked in place with the
// caller's state (so a helper called with a lock held sees it held); thread
// entries get a context of their own.
//
// First the block entry states are computed to a fixpoint, then, if asked
// to record, each reachable block is walked once more with its final state
// and every access is recorded.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_FUNCTIONWALKER_H
#define RACELAB_ANALYSIS_FUNCTIONWALKER_H

#include "Frame.h"
#include "LocationResolver.h"
#include "RaceAnalysis.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"

#include <map>

namespace racelab {
namespace analysis {

class FunctionWalker {
public:
  FunctionWalker(RaceAnalysis &A, Frame F, bool Record);

  CallResult run(const FlowState &Entry);

private:
  void prescan();
  void transferBlock(const clang::CFGBlock *B, FlowState &S, bool Record);
  FlowState edgeState(const clang::CFGBlock *B, unsigned SuccIndex,
                      const FlowState &Out);

  void handleStmt(const clang::Stmt *S, FlowState &St);
  void handleDecl(const clang::VarDecl *V, FlowState &St);
  void handleStaticLocal(const clang::VarDecl *V, FlowState &St);
  /// V's destructor at the end of its scope (ScopeEnd: the statement that
  /// ends it, when the CFG knows).
  void handleDtor(const clang::VarDecl *V, FlowState &St,
                  clang::SourceLocation ScopeEnd = {});
  /// What V's destructor does: releases a guard, joins a jthread or
  /// future, runs a destructor of ours.
  void runDtor(const clang::VarDecl *V, FlowState &St);
  /// A call of Method on Obj that keeps callable arguments in members of
  /// Obj (a subscribe / on_done): remember them with their captures.
  void noteStoredCallbacks(const clang::FunctionDecl *Method,
                           const std::optional<AbstractLocation> &Obj,
                           llvm::ArrayRef<const clang::Expr *> Args);
  /// A std::function called here: walk the callbacks stored where it comes
  /// from, for their locks.
  void callStoredCallbacks(const clang::Expr *Callee, clang::SourceLocation At,
                           FlowState &St);
  /// Can the threads of handle V run on after V is destroyed (moved out)?
  bool threadMayLeave(const clang::VarDecl *V);
  /// V, a std::thread handle (or container of them), is destroyed: its
  /// threads are over, except detached ones.
  void endThreadsOf(const clang::VarDecl *V, FlowState &St);
  /// The thread handles of this frame end with it, also on the exception
  /// paths the CFG leaves without destructors.
  void endLocalHandlesAtExit(FlowState &Exit);
  void handleAssignment(const clang::BinaryOperator *BO, FlowState &St);
  void handleMemberCall(const clang::CXXMemberCallExpr *MC, FlowState &St);
  void handleOperatorCall(const clang::CXXOperatorCallExpr *OC, FlowState &St);
  void handleCall(const clang::CallExpr *CE, FlowState &St);
  void handleConstruct(const clang::CXXConstructExpr *CC, FlowState &St);
  void handleReturn(const clang::ReturnStmt *RS, FlowState &St);
  void handleLambda(const clang::LambdaExpr *LE, FlowState &St);
  void handleInitializer(const clang::CXXCtorInitializer *I, FlowState &St);
  /// Walks a user class's constructor or destructor for the object This.
  void walkSpecialMember(const clang::CXXMethodDecl *M,
                         std::optional<AbstractLocation> This,
                         llvm::ArrayRef<const clang::Expr *> Args, FlowState &St);
  /// std::async(...) whose future ends up in Handle (a variable, a
  /// container element, a member).
  void spawnAsync(const clang::CallExpr *Async, std::optional<AbstractLocation> Handle,
                  FlowState &St);
  /// The atomic load that is the whole condition of B's branch, if any;
  /// Negated when the condition is `!load`.
  const clang::Expr *conditionAtomicLoad(const clang::CFGBlock *B, bool &Negated) const;
  /// What a functor's reference and pointer members are bound to by the
  /// expression that constructs it.
  void bindMembers(const clang::Expr *Construction, const LocationResolver &R,
                   Frame &Entry);

  /// Calls a function with a body in place. Object is the object of a
  /// member call (already resolved), Args the call's arguments.
  void inlineCall(const clang::FunctionDecl *Fn, std::optional<AbstractLocation> This,
                  llvm::ArrayRef<const clang::Expr *> Args, FlowState &St,
                  const clang::CallExpr *Call);
  /// Runs a callable (lambda, function, closure variable) in place, as
  /// call_once and deferred std::async do.
  void runCallableInPlace(const clang::Expr *Callable,
                          llvm::ArrayRef<const clang::Expr *> Args, FlowState &St);
  /// Effects of a call to a function we cannot see into.
  void externalCall(const clang::FunctionDecl *Fn,
                    llvm::ArrayRef<const clang::Expr *> Args, FlowState &St);

  /// Starts a thread running Callable(Args...).
  void spawn(const clang::Stmt *Site, const clang::Expr *Callable,
             llvm::ArrayRef<const clang::Expr *> Args,
             std::optional<AbstractLocation> Handle, FlowState &St,
             bool ViaConfig = false);
  /// Joins the live threads Handle names; At is the join call, when a
  /// join with locks held should be recorded.
  void join(std::optional<AbstractLocation> Handle, FlowState &St,
            clang::SourceLocation At = {});
  void detach(const std::optional<AbstractLocation> &Handle, const FlowState &St);
  /// Takes Mutex, recording the acquisition for the lock-order and
  /// double-lock checks.
  void takeLock(const AbstractLocation &Mutex, bool Shared, clang::SourceLocation At,
                LockHow How, FlowState &St);
  /// The locals of this activation that threads still running at its end
  /// borrowed (they outlive them).
  void noteBorrowedLocalsAtExit(const FlowState &Exit);
  /// Which of this frame's locals a new thread was handed by reference.
  void noteBorrowed(const Frame &Entry, ThreadContext &T, clang::SourceLocation Where);
  /// Locals the thread gets a view of (string_view, span, data()) through
  /// its arguments or the copies its lambda captures.
  void noteViewed(const clang::Expr *Callable, llvm::ArrayRef<const clang::Expr *> Args,
                  ThreadContext &T, clang::SourceLocation Where);
  /// V ends here: threads that borrowed it and still run outlive it.
  void noteScopeEnd(const clang::VarDecl *V, clang::SourceLocation Where,
                    const FlowState &St);
  clang::SourceLocation scopeEndOf(const clang::VarDecl *V) const;
  /// Builds the entry frame of a thread (or an in-place call) for Callable.
  bool bindCallable(const clang::Expr *Callable,
                    llvm::ArrayRef<const clang::Expr *> Args, bool AsThread,
                    Frame &Entry, std::string &Name, std::string *ReleasesKey);
  void bindParameters(const clang::FunctionDecl *Fn,
                      llvm::ArrayRef<const clang::Expr *> Args, bool AsThread,
                      const LocationResolver &R, Frame &Entry);

  void lockCall(const clang::Expr *MutexExpr, bool ByPointer, bool Shared,
                bool Acquire, FlowState &St, clang::SourceLocation At);
  void syncRelease(const std::optional<AbstractLocation> &Obj, FlowState &St);
  /// The key a sync object is known by: a promise moved into this thread is
  /// known by the promise it was moved from.
  std::string syncKeyOf(const clang::Expr *Obj) const;
  /// C11 atomics (atomic_fetch_add, atomic_compare_exchange_strong, ...).
  void atomicExpr(const clang::AtomicExpr *AE, FlowState &St);
  /// A branch only one thread can take: `if (cas(...))`, `if (Id == 0)`.
  /// Returns the successor index of that branch, or -1.
  int exclusiveBranch(const clang::CFGBlock *B) const;
  bool isCompareExchange(const clang::Expr *E, unsigned Depth) const;
  void syncAcquire(const std::string &Key, FlowState &St);
  bool hasAcquired(const std::string &Key, const FlowState &St) {
    return St.Acquired.count(A.syncId(Key)) != 0;
  }
  void atomicCall(const clang::CallExpr *Call, const clang::FunctionDecl *Fn,
                  const clang::Expr *Object, FlowState &St);

  void read(const clang::Expr *E, FlowState &St);
  void write(const clang::Expr *E, FlowState &St);
  void recordAccess(const AbstractLocation &L, bool IsWrite,
                    clang::SourceLocation Where, FlowState &St, bool IsInit = false);
  /// The program point Where in this frame, about L: thread, live threads,
  /// locks held, sequence number (an access, a lock taken, a join).
  AccessRecord pointOf(const AbstractLocation &L, clang::SourceLocation Where,
                       const FlowState &St);

  /// Mutexes a guard constructor takes (lock_guard(m), scoped_lock(a, b),
  /// unique_lock(m, defer_lock) takes none yet).
  /// How a guard's constructor takes its mutexes: try_to_lock tries, a
  /// scoped_lock of several takes them together, otherwise it blocks.
  static LockHow guardLockHow(const clang::CXXConstructExpr *CC, size_t Mutexes);
  std::vector<AbstractLocation> guardMutexes(const clang::CXXConstructExpr *CC,
                                             bool &Locks, bool &Shared);
  bool isConfigured(const clang::NamedDecl *D,
                    const std::vector<std::string> &Names) const;
  const SpawnFunction *configuredSpawn(const clang::FunctionDecl *Fn) const;

  LocationResolver resolver() const { return LocationResolver(A, F); }
  /// The guard variable an expression names: a local guard, or one a
  /// reference parameter refers to (`void finish(unique_lock<mutex> &L)`).
  const clang::VarDecl *guardOf(const clang::Expr *E) const;
  /// The promise / packaged_task a future expression was made from, as a
  /// location key, or empty.
  std::string futureSourceOf(const clang::Expr *E) const;

  RaceAnalysis &A;
  Frame F;
  bool RecordWanted;
  bool Recording = false;
  const clang::CFGBlock *CurrentBlock = nullptr;
  CallResult Result;
  /// Stripped initialisers of local variables: handled with their VarDecl.
  std::map<const clang::Expr *, const clang::VarDecl *> InitOf;
  /// Thread constructions that are arguments of push_back / operator=:
  /// handled by that call.
  std::set<const clang::Expr *> SpawnHandledByParent;
  /// Range-for loop variables and the range they walk.
  std::map<const clang::VarDecl *, const clang::Expr *> RangeOf;
  /// Loops that join every element of a container or array
  /// (`for (auto &T : Workers) T.join();`, `for (i...) pthread_join(t[i])`),
  /// keyed by the statement that starts the loop: the join happens there,
  /// so the path that runs the loop zero times does not keep the threads
  /// alive (it only exists when nothing was started into the container).
  std::map<const clang::Stmt *, std::vector<const clang::Expr *>> JoinLoops;
  /// std::async calls whose future is stored by the call around them.
  std::set<const clang::Expr *> AsyncHandledByParent;
  /// Range-for variables of loops that start a thread per element.
  std::set<const clang::VarDecl *> SpawningRangeVars;
  /// Everything inside the initialiser of a function-local static: walked
  /// with the variable's declaration, as a once-only region.
  std::set<const clang::Stmt *> StaticInitNodes;
};

} // namespace analysis
} // namespace racelab

#endif
