//===- RacelabCheck.cpp - One racelab check inside clang-tidy -------------===//
#include "RacelabCheck.h"

#include "SharedAnalysis.h"

#include "clang/ASTMatchers/ASTMatchers.h"

namespace racelab {
namespace tidy {

using namespace clang::ast_matchers;

namespace {

std::vector<std::string> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Value.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

} // namespace

RacelabCheck::RacelabCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      SpawnFunctions(Options.getLocalOrGlobal("SpawnFunctions", "")),
      JoinFunctions(Options.getLocalOrGlobal("JoinFunctions", "")),
      LockFunctions(Options.getLocalOrGlobal("LockFunctions", "")),
      UnlockFunctions(Options.getLocalOrGlobal("UnlockFunctions", "")),
      GuardClasses(Options.getLocalOrGlobal("GuardClasses", "")) {
  for (const std::string &Spec : splitList(SpawnFunctions)) {
    llvm::Expected<analysis::SpawnFunction> S = analysis::AnalysisConfig::parseSpawnSpec(Spec);
    if (S)
      Config.SpawnFunctions.push_back(*S);
    else
      configurationDiag("%0: bad SpawnFunctions entry: %1")
          << Name << llvm::toString(S.takeError());
  }
  Config.JoinFunctions = splitList(JoinFunctions);
  Config.LockFunctions = splitList(LockFunctions);
  Config.UnlockFunctions = splitList(UnlockFunctions);
  Config.GuardClasses = splitList(GuardClasses);
}

void RacelabCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SpawnFunctions", SpawnFunctions);
  Options.store(Opts, "JoinFunctions", JoinFunctions);
  Options.store(Opts, "LockFunctions", LockFunctions);
  Options.store(Opts, "UnlockFunctions", UnlockFunctions);
  Options.store(Opts, "GuardClasses", GuardClasses);
}

void RacelabCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis looks at the whole unit: match it once.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void RacelabCheck::check(const MatchFinder::MatchResult &Result) {
  for (const analysis::FindingDiagnostic &D : findingsFor(*Result.Context, Config)) {
    if (D.Check != getID() || D.Loc.isInvalid())
      continue;
    {
      // The message goes in as an argument: it may contain '%'. The
      // warning is emitted when its builder goes, before the notes.
      auto Warning = diag(D.Loc, "%0");
      Warning << D.Message;
      for (const clang::FixItHint &Fix : D.FixIts)
        Warning << Fix;
    }
    for (const analysis::DiagnosticNote &N : D.Notes)
      if (N.Loc.isValid())
        diag(N.Loc, "%0", clang::DiagnosticIDs::Note) << N.Message;
  }
}

void RacelabCheck::onEndOfTranslationUnit() { endTranslationUnit(); }

} // namespace tidy
} // namespace racelab
