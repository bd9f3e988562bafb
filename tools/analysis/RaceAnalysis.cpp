//===- RaceAnalysis.cpp - The whole-translation-unit analysis -------------===//
#include "RaceAnalysis.h"

#include "FunctionWalker.h"
#include "LocationResolver.h"
#include "StdLibrary.h"

#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace analysis {

using namespace clang;

namespace {

/// Walks deeper than this are cut off; real programs rarely nest calls this
/// far within one translation unit, and generated code must not explode.
constexpr unsigned MaxCallDepth = 24;

/// Finds the functions of the main file that start threads.
class SpawnerFinder : public RecursiveASTVisitor<SpawnerFinder> {
public:
  SpawnerFinder(ASTContext &Ctx, const AnalysisConfig &Config)
      : Ctx(Ctx), Config(Config) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        Ctx.getSourceManager().isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool TraverseFunctionDecl(FunctionDecl *F) { return traverseFunction(F); }
  bool TraverseCXXMethodDecl(CXXMethodDecl *F) { return traverseFunction(F); }

  bool VisitCXXConstructExpr(CXXConstructExpr *CC) {
    if (isThreadType(CC->getType()) && CC->getNumArgs() >= 1 &&
        !CC->getConstructor()->isCopyOrMoveConstructor())
      found();
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Fn = CE->getDirectCallee();
    if (!Fn)
      return true;
    if (isCFunction(Fn, "pthread_create") ||
        (Fn->isInStdNamespace() && Fn->getIdentifier() && Fn->getName() == "async"))
      found();
    if (const auto *M = dyn_cast<CXXMethodDecl>(Fn))
      if (M->getIdentifier() && M->getName().starts_with("emplace") &&
          isStdContainerType(QualType(M->getParent()->getTypeForDecl(), 0)))
        if (const auto *Spec =
                dyn_cast<ClassTemplateSpecializationDecl>(M->getParent()))
          if (Spec->getTemplateArgs().size() >= 1 &&
              Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
              isThreadType(Spec->getTemplateArgs()[0].getAsType()))
            found();
    std::string Q = Fn->getQualifiedNameAsString();
    for (const SpawnFunction &S : Config.SpawnFunctions)
      if (qualifiedNameMatches(Q, S.Name))
        found();
    return true;
  }

  std::vector<const FunctionDecl *> Spawners;

private:
  bool traverseFunction(FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody() ||
        !Ctx.getSourceManager().isInMainFile(F->getLocation()) ||
        F->isDependentContext())
      return true;
    const FunctionDecl *Saved = Current;
    Current = F;
    RecursiveASTVisitor::TraverseStmt(F->getBody());
    Current = Saved;
    return true;
  }
  void found() {
    if (Current &&
        (Spawners.empty() || Spawners.back() != Current))
      Spawners.push_back(Current);
  }

  ASTContext &Ctx;
  const AnalysisConfig &Config;
  const FunctionDecl *Current = nullptr;
};

/// Collects, for global pointers and pointer members, what is stored into
/// them anywhere in the translation unit.
class PointerFactCollector : public RecursiveASTVisitor<PointerFactCollector> {
public:
  explicit PointerFactCollector(RaceAnalysis &A) : A(A), Root() {
    Root.Context = 0;
  }

  bool shouldVisitTemplateInstantiations() const { return true; }

  /// The standard library's own assignments say nothing about the
  /// program's pointers; skipping system headers keeps this pass cheap.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        A.ast().getSourceManager().isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitVarDecl(VarDecl *V) {
    if (V->hasGlobalStorage() && V->getType()->isPointerType() && V->getInit())
      noteGlobal(V, V->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign || !BO->getLHS()->getType()->isPointerType())
      return true;
    const Expr *L = LocationResolver::strip(BO->getLHS());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(L)) {
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V->hasGlobalStorage())
        noteGlobal(V, BO->getRHS());
    } else if (const auto *ME = dyn_cast<MemberExpr>(L)) {
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        noteField(FD, BO->getRHS());
    }
    return true;
  }
  bool VisitCXXCtorInitializer(CXXCtorInitializer *I) {
    if (FieldDecl *FD = I->getMember(); FD && FD->getType()->isPointerType() && I->getInit())
      noteField(FD, I->getInit());
    return true;
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *I) {
    VisitCXXCtorInitializer(I);
    return RecursiveASTVisitor::TraverseConstructorInitializer(I);
  }

  std::map<const VarDecl *, std::vector<std::optional<AbstractLocation>>> Globals;
  std::map<const FieldDecl *, std::vector<std::optional<AbstractLocation>>> Fields;

private:
  std::optional<AbstractLocation> target(const Expr *E) {
    const Expr *S = E->IgnoreParenCasts();
    if (isa<CXXNullPtrLiteralExpr>(S) || isa<GNUNullExpr>(S) ||
        S->isNullPointerConstant(A.ast(), Expr::NPC_ValueDependentIsNotNull))
      return std::nullopt; // Null says nothing about the object.
    // `auto *S = new T; ...; Global = S;`: what the local was made from.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LocationResolver::strip(S)))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          V && !V->hasGlobalStorage() && V->getType()->isPointerType() && V->getInit())
        return LocationResolver(A, Root).pointee(V->getInit());
    return LocationResolver(A, Root).pointee(E);
  }
  void noteGlobal(const VarDecl *V, const Expr *E) {
    if (const Expr *S = E->IgnoreParenCasts();
        S->isNullPointerConstant(A.ast(), Expr::NPC_ValueDependentIsNotNull))
      return;
    Globals[V->getCanonicalDecl()].push_back(target(E));
  }
  void noteField(const FieldDecl *F, const Expr *E) {
    if (const Expr *S = E->IgnoreParenCasts();
        S->isNullPointerConstant(A.ast(), Expr::NPC_ValueDependentIsNotNull))
      return;
    Fields[F].push_back(target(E));
  }

  RaceAnalysis &A;
  Frame Root;
};

/// The one location every entry agrees on, if there is one.
std::optional<AbstractLocation>
agreed(const std::vector<std::optional<AbstractLocation>> &Targets) {
  if (Targets.empty() || !Targets.front())
    return std::nullopt;
  for (const auto &T : Targets)
    if (!T || !(*T == *Targets.front()))
      return std::nullopt;
  return Targets.front();
}

} // namespace

RaceAnalysis::RaceAnalysis(ASTContext &Ctx, const AnalysisConfig &Config)
    : Ctx(Ctx), Config(Config) {}

bool RaceAnalysis::isLibraryCode(const Decl *D) const {
  if (!D)
    return true;
  if (D->isInStdNamespace())
    return true;
  // Code the sanitizers do not see, we do not see either: it is how a test
  // forces an interleaving without adding synchronisation (the lessons'
  // racelab::HiddenGate, TSan's own barrier_wait).
  if (D->hasAttr<DisableSanitizerInstrumentationAttr>())
    return true;
  SourceLocation Loc = D->getLocation();
  return Loc.isValid() && Ctx.getSourceManager().isInSystemHeader(Loc);
}

const CFG *RaceAnalysis::cfgFor(const FunctionDecl *F) {
  if (!F || !F->hasBody())
    return nullptr;
  auto It = Cfgs.find(F);
  if (It != Cfgs.end())
    return It->second.get();
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddInitializers = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> G =
      CFG::buildCFG(F, F->getBody(), &Ctx, Options);
  const CFG *Raw = G.get();
  if (Raw) {
    // Blocks on a cycle: a block that can reach itself.
    std::set<const CFGBlock *> &Loops = LoopBlocks[F];
    for (const CFGBlock *B : *Raw) {
      std::vector<const CFGBlock *> Work;
      std::set<const CFGBlock *> Seen;
      for (const auto &S : B->succs())
        if (const CFGBlock *N = S.getReachableBlock())
          Work.push_back(N);
      while (!Work.empty()) {
        const CFGBlock *N = Work.back();
        Work.pop_back();
        if (N == B) {
          Loops.insert(B);
          break;
        }
        if (!Seen.insert(N).second)
          continue;
        for (const auto &S : N->succs())
          if (const CFGBlock *M = S.getReachableBlock())
            Work.push_back(M);
      }
    }
  }
  Cfgs[F] = std::move(G);
  return Raw;
}

bool RaceAnalysis::inLoop(const FunctionDecl *F, const CFGBlock *B) {
  if (!F || !B)
    return false;
  auto It = LoopBlocks.find(F);
  return It != LoopBlocks.end() && It->second.count(B);
}

const Frame *RaceAnalysis::persist(const Frame &F) {
  Frames.push_back(F);
  return &Frames.back();
}

CallResult RaceAnalysis::call(const Frame &Callee, const FlowState &Entry, bool Record) {
  std::string Key = Callee.key() + "|" + Entry.key() + (Record ? "|R" : "|-");
  if (auto It = CallMemo.find(Key); It != CallMemo.end())
    return It->second;
  std::string FnKey = std::to_string(reinterpret_cast<uintptr_t>(
                          Callee.Function->getCanonicalDecl())) +
                      "@" + std::to_string(Callee.Context);
  CallResult Cut;
  Cut.Exit = Entry;
  // Recursion and runaway depth: treat the call as having no effect.
  if (CallDepth >= MaxCallDepth || ActiveCalls.count(FnKey))
    return Cut;
  ActiveCalls.insert(FnKey);
  ++CallDepth;
  CallResult R = FunctionWalker(*this, Callee, Record).run(Entry);
  --CallDepth;
  ActiveCalls.erase(FnKey);
  CallMemo.emplace(std::move(Key), R);
  return R;
}

unsigned RaceAnalysis::thread(const Stmt *Site, unsigned Parent, const Frame &Entry,
                              const std::string &EntryName, bool Many,
                              std::optional<AbstractLocation> Handle) {
  auto Key = std::make_pair(Site, Parent);
  if (auto It = ThreadBySite.find(Key); It != ThreadBySite.end()) {
    Threads[It->second].Many |= Many;
    return It->second;
  }
  unsigned Id = Threads.size();
  ThreadContext T;
  T.Id = Id;
  T.Parent = Parent;
  T.SpawnSite = Site;
  T.Spawn = Site->getBeginLoc();
  T.Entry = EntryName;
  T.Many = Many || Threads[Parent].Many;
  T.Handle = std::move(Handle);
  T.Root = CurrentRoot;
  Threads.push_back(std::move(T));
  ThreadBySite.emplace(Key, Id);
  Frame F = Entry;
  F.Context = Id;
  PendingThreads.push_back({Id, persist(F)});
  return Id;
}

void RaceAnalysis::record(AccessRecord R) { Accesses.push_back(std::move(R)); }

unsigned RaceAnalysis::syncId(const std::string &Key) {
  return SyncIds.try_emplace(Key, SyncIds.size()).first->second;
}

void RaceAnalysis::noteRelease(unsigned Context, unsigned SyncId, bool AtEnd) {
  if (Context >= Threads.size())
    return;
  uint64_t When = AtEnd ? UINT64_MAX : nextSeq();
  uint64_t &Last = Threads[Context].Releases[SyncId];
  Last = std::max(Last, When);
}

std::optional<AbstractLocation>
RaceAnalysis::returnedLocation(const FunctionDecl *F,
                               const std::optional<AbstractLocation> &This) {
  return returned(F, This, /*Pointee=*/false);
}

std::optional<AbstractLocation>
RaceAnalysis::returnedPointee(const FunctionDecl *F,
                              const std::optional<AbstractLocation> &This) {
  return returned(F, This, /*Pointee=*/true);
}

std::optional<AbstractLocation>
RaceAnalysis::returned(const FunctionDecl *F, const std::optional<AbstractLocation> &This,
                       bool Pointee) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || isLibraryCode(Def))
    return std::nullopt;
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Def)) +
                    (Pointee ? "p" : "r") + (This ? This->key() : "");
  if (auto It = Returned.find(Key); It != Returned.end())
    return It->second;
  Returned[Key] = std::nullopt; // Recursion: unknown.
  // Only what the return values name without the function's own locals:
  // globals, members of the object, heap objects.
  Frame Neutral;
  Neutral.Function = Def;
  Neutral.This = This;
  LocationResolver R(*this, Neutral);
  std::vector<std::optional<AbstractLocation>> Targets;
  std::vector<const Stmt *> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
      if (const Expr *V = RS->getRetValue()) {
        std::optional<AbstractLocation> T = Pointee ? R.pointee(V) : R.resolve(V);
        if (T && T->Kind == AbstractLocation::RootKind::Local)
          T.reset(); // A local of the callee: different every call.
        if (T && T->Kind == AbstractLocation::RootKind::Heap && T->Path.empty())
          T->Name = "*" + Def->getNameAsString() + "()";
        Targets.push_back(T);
      }
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  std::optional<AbstractLocation> Result = agreed(Targets);
  Returned[Key] = Result;
  return Result;
}

bool RaceAnalysis::isLoopCounter(const VarDecl *V) {
  const DeclContext *DC = V->getDeclContext();
  auto It = LoopCounters.find(DC);
  if (It == LoopCounters.end()) {
    std::set<const VarDecl *> Counters;
    if (const auto *Fn = dyn_cast<FunctionDecl>(DC); Fn && Fn->getBody()) {
      std::vector<const Stmt *> Work{Fn->getBody()};
      while (!Work.empty()) {
        const Stmt *S = Work.back();
        Work.pop_back();
        if (!S)
          continue;
        if (const auto *For = dyn_cast<ForStmt>(S))
          if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit()))
            for (const Decl *D : Init->decls())
              if (const auto *Var = dyn_cast<VarDecl>(D))
                Counters.insert(Var);
        for (const Stmt *Child : S->children())
          Work.push_back(Child);
      }
    }
    It = LoopCounters.emplace(DC, std::move(Counters)).first;
  }
  return V->getType()->isIntegerType() && It->second.count(V);
}

AbstractLocation RaceAnalysis::heapObject(const Expr *Site, unsigned Context) {
  // Named by its type here; the walker renames it after the variable it is
  // stored in ("*S"), returned() after the function returning it.
  QualType T = Site->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  std::string Name = "new " + T.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  // Each thread allocates its own objects; one reached through a global
  // or a member (owner 0) may be any of them (AbstractLocation::mayShareRoot).
  return AbstractLocation::heap(Site, Context, Name);
}

std::optional<AbstractLocation> RaceAnalysis::globalPointee(const VarDecl *V) {
  auto It = GlobalPointees.find(V->getCanonicalDecl());
  return It == GlobalPointees.end() ? std::nullopt : It->second;
}

std::optional<AbstractLocation> RaceAnalysis::fieldPointee(const FieldDecl *F) {
  auto It = FieldPointees.find(F);
  return It == FieldPointees.end() ? std::nullopt : It->second;
}

void RaceAnalysis::collectPointerFacts() {
  PointerFactCollector C(*this);
  C.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const auto &[V, Ts] : C.Globals)
    GlobalPointees[V] = agreed(Ts);
  for (const auto &[F, Ts] : C.Fields)
    FieldPointees[F] = agreed(Ts);
}

void RaceAnalysis::runRoot(const FunctionDecl *Root) {
  unsigned Id = Threads.size();
  ThreadContext T;
  T.Id = Id;
  T.Parent = Id;
  T.Entry = Root->getQualifiedNameAsString();
  T.Root = Id;
  Threads.push_back(std::move(T));
  CurrentRoot = Id;

  Frame F;
  F.Context = Id;
  F.Function = Root;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Root); M && M->isInstance()) {
    // Nobody in this file calls it: `this` is some object of the class.
    AbstractLocation This;
    This.Kind = AbstractLocation::RootKind::Global;
    This.Root = M->getParent()->getCanonicalDecl();
    This.Name = "this->";
    F.This = This;
  }
  call(F, FlowState(), /*Record=*/true);
  while (!PendingThreads.empty()) {
    auto [ThreadId, Entry] = PendingThreads.front();
    PendingThreads.pop_front();
    CallDepth = 0;
    call(*Entry, FlowState(), /*Record=*/true);
  }
}

void RaceAnalysis::dump(llvm::raw_ostream &OS) const {
  SourceManager &SM = Ctx.getSourceManager();
  auto Line = [&](SourceLocation L) {
    return L.isValid() ? SM.getExpansionLineNumber(L) : 0;
  };
  for (const ThreadContext &T : Threads) {
    OS << "context " << T.Id << " parent " << T.Parent << " root " << T.Root
       << " entry " << T.Entry << " spawn-line " << Line(T.Spawn)
       << (T.Many ? " many" : "") << " live-at-spawn {";
    for (unsigned L : T.LiveAtSpawn)
      OS << " " << L;
    OS << " } releases " << T.Releases.size();
    if (T.Handle)
      OS << " handle " << T.Handle->Name;
    OS << "\n";
  }
  for (const AccessRecord &R : Accesses) {
    OS << "  line " << Line(R.Where) << " ctx " << R.Context
       << (R.IsWrite ? " write " : " read ") << R.Loc.Name << " [" << R.Loc.key()
       << "] live {";
    for (unsigned L : R.Live)
      OS << " " << L;
    OS << " } locks {";
    for (const HeldLock &L : R.Locks)
      OS << " " << L.Mutex.Name << (L.Shared ? "(s)" : "");
    OS << " } acquired {";
    for (unsigned Id : R.Acquired)
      for (const auto &[Key, KeyId] : SyncIds)
        if (KeyId == Id)
          OS << " " << Key;
    OS << " } seq " << R.Seq << "\n";
  }
}

void RaceAnalysis::run() {
  collectPointerFacts();
  SourceManager &SM = Ctx.getSourceManager();
  SpawnerFinder Finder(Ctx, Config);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());

  const FunctionDecl *Main = nullptr;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      if (F->isMain() && F->doesThisDeclarationHaveABody() &&
          SM.isInMainFile(F->getLocation()))
        Main = F;
  if (Main)
    runRoot(Main);
  // Functions that start threads but are not reached from main (library
  // code, tests without main) are roots of their own.
  for (const FunctionDecl *F : Finder.Spawners)
    if (!Walked.count(F->getCanonicalDecl()))
      runRoot(F);
}

} // namespace analysis
} // namespace racelab
