//===- RacelabCheck.h - One racelab check inside clang-tidy -----*- C++ -*-===//
//
// A thin adapter: the check matches the translation unit once, asks the
// shared analysis for the findings (SharedAnalysis.h) and reports those
// of its own name with clang-tidy's diag(), notes included. Every racelab
// check is this class with a different name, so clang-tidy shows exactly
// what racecheck shows.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_TIDY_RACELABCHECK_H
#define RACELAB_TIDY_RACELABCHECK_H

#include "AnalysisConfig.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace racelab {
namespace tidy {

class RacelabCheck : public clang::tidy::ClangTidyCheck {
public:
  RacelabCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const clang::LangOptions &) const override {
    return true; // C with pthreads and C++.
  }

private:
  /// The settings of .racecheck.yaml as CheckOptions, each a list
  /// separated by ';' (SpawnFunctions entries are "Name" or "Name:Arg").
  /// Read with getLocalOrGlobal: set them once, unprefixed, for all
  /// racelab checks.
  std::string SpawnFunctions, JoinFunctions, LockFunctions, UnlockFunctions,
      GuardClasses;
  analysis::AnalysisConfig Config;
};

} // namespace tidy
} // namespace racelab

#endif
