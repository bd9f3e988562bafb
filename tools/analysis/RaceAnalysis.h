//===- RaceAnalysis.h - The whole-translation-unit analysis -----*- C++ -*-===//
//
// Owns everything one run over a translation unit builds: the thread
// contexts and access records, the CFG of every function walked, memoized
// callee walks, and the flow-insensitive facts about globals and pointer
// members. It picks the roots (main, and any function that starts threads
// without being reached from main), walks them and every thread they start,
// and leaves the records for the race detector.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_RACEANALYSIS_H
#define RACELAB_ANALYSIS_RACEANALYSIS_H

#include "AnalysisConfig.h"
#include "Frame.h"
#include "ThreadModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace racelab {
namespace analysis {

/// What a callee's walk hands back to its caller.
struct CallResult {
  FlowState Exit;
  /// The function returns a lock guard that holds these mutexes (a helper
  /// like `std::unique_lock<std::mutex> lockFor(Account &)`).
  std::vector<AbstractLocation> ReturnedGuard;
  bool ReturnsGuard = false;
};

class RaceAnalysis {
public:
  RaceAnalysis(clang::ASTContext &Ctx, const AnalysisConfig &Config);

  /// Walks every root and the threads they start.
  void run();

  /// Writes the thread contexts and access records, for debugging the
  /// analysis itself (racecheck --dump-analysis).
  void dump(llvm::raw_ostream &OS) const;

  const std::vector<ThreadContext> &threads() const { return Threads; }
  const std::vector<AccessRecord> &accesses() const { return Accesses; }
  clang::ASTContext &ast() { return Ctx; }
  const AnalysisConfig &config() const { return Config; }

  // --- Services for the walker and the resolver. ---

  /// The CFG of a function with a body (built once), or null.
  const clang::CFG *cfgFor(const clang::FunctionDecl *F);
  /// True if block B of F's CFG lies on a cycle (a loop body).
  bool inLoop(const clang::FunctionDecl *F, const clang::CFGBlock *B);

  /// Keeps a frame alive for as long as the analysis (lambda Outer links).
  const Frame *persist(const Frame &F);

  /// Walks Callee from Entry (memoized on function, bindings and state).
  CallResult call(const Frame &Callee, const FlowState &Entry, bool Record);

  /// The thread context for a spawn site started from Parent, created on
  /// first use; its entry is walked after the current root.
  unsigned thread(const clang::Stmt *Site, unsigned Parent, const Frame &Entry,
                  const std::string &EntryName, bool Many,
                  std::optional<AbstractLocation> Handle);
  ThreadContext &threadContext(unsigned Id) { return Threads[Id]; }
  /// The thread started at Site from Parent, if it was.
  std::optional<unsigned> threadAt(const clang::Stmt *Site, unsigned Parent) const {
    auto It = ThreadBySite.find({Site, Parent});
    if (It == ThreadBySite.end())
      return std::nullopt;
    return It->second;
  }

  void record(AccessRecord R);
  void recordLock(LockEvent E) { LockEvents.push_back(std::move(E)); }
  void recordJoin(JoinEvent E) { JoinEvents.push_back(std::move(E)); }
  void recordScopeEnd(ScopeEndEvent E) { ScopeEnds.push_back(std::move(E)); }
  const std::vector<LockEvent> &lockEvents() const { return LockEvents; }
  const std::vector<JoinEvent> &joinEvents() const { return JoinEvents; }
  const std::vector<ScopeEndEvent> &scopeEnds() const { return ScopeEnds; }
  /// Context releases SyncKey now (or, with AtEnd, after everything it does).
  void noteRelease(unsigned Context, unsigned SyncId, bool AtEnd = false);
  /// The small-integer id of a sync object's location key.
  unsigned syncId(const std::string &Key);
  uint64_t nextSeq() { return ++Seq; }

  /// What a function returning a reference returns, or what a function
  /// returning a pointer points to, when every return agrees (getters,
  /// factories: `Settings &settings()`, `Settings *load()`). This is the
  /// object of a member call.
  std::optional<AbstractLocation> returnedLocation(const clang::FunctionDecl *F,
                                                   const std::optional<AbstractLocation> &This);
  std::optional<AbstractLocation> returnedPointee(const clang::FunctionDecl *F,
                                                  const std::optional<AbstractLocation> &This);

  /// True if V is the counter of a for loop (declared in its init).
  bool isLoopCounter(const clang::VarDecl *V);

  /// A heap object allocated at Site in Context.
  AbstractLocation heapObject(const clang::Expr *Site, unsigned Context);
  /// What a global pointer points to, if every assignment agrees.
  std::optional<AbstractLocation> globalPointee(const clang::VarDecl *V);
  /// What a pointer member points to, if every assignment agrees.
  std::optional<AbstractLocation> fieldPointee(const clang::FieldDecl *F);

  /// Calls of helpers that return a lock guard, and the mutexes it holds.
  std::map<const clang::CallExpr *, std::vector<AbstractLocation>> ReturnedGuards;

  /// future's location key -> the promise / packaged_task it came from.
  /// Callables stored in std::function members, by the member's location
  /// key: the expression made into the callback, and its bound entry frame
  /// (captures resolved where it was made).
  std::map<std::string, std::vector<std::pair<const clang::Expr *, Frame>>> StoredCallbacks;
  /// membersStoringParam per method and parameter, computed once.
  std::map<std::pair<const clang::FunctionDecl *, unsigned>,
           std::vector<const clang::FieldDecl *>>
      CallbackMembers;
  /// threadMayLeaveScope per thread handle variable, computed once.
  std::map<const clang::VarDecl *, bool> ThreadMayLeave;
  std::map<std::string, std::string> FutureSources;

  /// True for code we do not walk into: system headers and namespace std.
  bool isLibraryCode(const clang::Decl *D) const;

  /// Functions whose bodies were walked in this run.
  std::set<const clang::FunctionDecl *> Walked;

private:
  void runRoot(const clang::FunctionDecl *Root);
  std::optional<AbstractLocation> returned(const clang::FunctionDecl *F,
                                           const std::optional<AbstractLocation> &This,
                                           bool Pointee);
  void collectPointerFacts();

  clang::ASTContext &Ctx;
  const AnalysisConfig &Config;
  std::vector<ThreadContext> Threads;
  std::vector<AccessRecord> Accesses;
  std::vector<LockEvent> LockEvents;
  std::vector<JoinEvent> JoinEvents;
  std::vector<ScopeEndEvent> ScopeEnds;
  std::deque<Frame> Frames;
  std::deque<std::pair<unsigned, const Frame *>> PendingThreads;
  std::map<std::pair<const clang::Stmt *, unsigned>, unsigned> ThreadBySite;
  std::map<const clang::FunctionDecl *, std::unique_ptr<clang::CFG>> Cfgs;
  std::map<const clang::FunctionDecl *, std::set<const clang::CFGBlock *>> LoopBlocks;
  std::map<std::string, CallResult> CallMemo;
  std::set<std::string> ActiveCalls;
  unsigned CallDepth = 0;
  unsigned CurrentRoot = 0;
  uint64_t Seq = 0;
  std::map<std::string, unsigned> SyncIds;
  std::map<const clang::VarDecl *, std::optional<AbstractLocation>> GlobalPointees;
  std::map<const clang::FieldDecl *, std::optional<AbstractLocation>> FieldPointees;
  std::map<std::string, std::optional<AbstractLocation>> Returned;
  std::map<const clang::DeclContext *, std::set<const clang::VarDecl *>> LoopCounters;
};

} // namespace analysis
} // namespace racelab

#endif
