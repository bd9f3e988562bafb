//===- SharedAnalysis.cpp - One analysis per translation unit -------------===//
#include "SharedAnalysis.h"

#include "Analysis.h"

#include <string>

namespace racelab {
namespace tidy {

namespace {

class Collector : public analysis::DescribingHandler {
public:
  Collector(const clang::SourceManager &SM, std::vector<analysis::FindingDiagnostic> &Out)
      : DescribingHandler(SM), Out(Out) {}

private:
  void report(const analysis::FindingDiagnostic &D) override { Out.push_back(D); }
  std::vector<analysis::FindingDiagnostic> &Out;
};

struct Cache {
  const clang::ASTContext *Ctx = nullptr;
  std::string ConfigKey;
  std::vector<analysis::FindingDiagnostic> Findings;
};

/// Checks configured differently need their own run of the analysis.
std::string keyOf(const analysis::AnalysisConfig &Config) {
  std::string Key;
  for (const analysis::SpawnFunction &S : Config.SpawnFunctions)
    Key += "s" + S.Name + ":" + std::to_string(S.CallableArg) + ";";
  for (const auto *List : {&Config.JoinFunctions, &Config.LockFunctions,
                           &Config.UnlockFunctions, &Config.GuardClasses}) {
    for (const std::string &N : *List)
      Key += N + ";";
    Key += "|";
  }
  return Key;
}

// clang-tidy runs the checks of one translation unit on one thread, one
// unit after the other (run-clang-tidy starts a process per file).
Cache &cache() {
  static Cache C;
  return C;
}

} // namespace

const std::vector<analysis::FindingDiagnostic> &
findingsFor(clang::ASTContext &Ctx, const analysis::AnalysisConfig &Config) {
  Cache &C = cache();
  std::string Key = keyOf(Config);
  if (C.Ctx != &Ctx || C.ConfigKey != Key) {
    C.Ctx = &Ctx;
    C.ConfigKey = Key;
    C.Findings.clear();
    Collector Handler(Ctx.getSourceManager(), C.Findings);
    analysis::analyzeTranslationUnit(Ctx, Config, Handler, nullptr);
  }
  return C.Findings;
}

void endTranslationUnit() {
  Cache &C = cache();
  C.Ctx = nullptr;
  C.Findings.clear();
}

} // namespace tidy
} // namespace racelab
