//===- RacecheckRunner.cpp - Run the analysis over the sources ------------===//
#include "RacecheckRunner.h"

#include "Analysis.h"
#include "FindingMessages.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Sarif.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace racecheck {
namespace {

using namespace clang;

class ReportingHandler : public analysis::DescribingHandler {
public:
  ReportingHandler(RacecheckRunner &Runner, ASTContext &Ctx, std::string Given,
                   SarifDocumentWriter *Sarif, const std::map<std::string, size_t> &Rules)
      : DescribingHandler(Ctx.getSourceManager()), Runner(Runner), Ctx(Ctx),
        Given(std::move(Given)), Sarif(Sarif), Rules(Rules) {}

private:
  ReportedPosition position(SourceLocation L) const {
    ReportedPosition P;
    if (L.isInvalid())
      return P;
    L = SM.getExpansionLoc(L);
    PresumedLoc PL = SM.getPresumedLoc(L);
    if (PL.isInvalid())
      return P;
    P.File = SM.getFileID(L) == SM.getMainFileID() ? Given : PL.getFilename();
    P.Line = PL.getLine();
    P.Column = PL.getColumn();
    return P;
  }

  CharSourceRange range(SourceLocation L) const {
    L = SM.getExpansionLoc(L);
    return CharSourceRange::getCharRange(L, L.getLocWithOffset(1));
  }

  void report(const analysis::FindingDiagnostic &D) override {
    ReportedDiagnostic R;
    R.Check = D.Check;
    R.Where = position(D.Loc);
    R.Message = D.Message;
    R.Source = Given;
    for (const analysis::DiagnosticNote &N : D.Notes)
      R.Notes.push_back({position(N.Loc), N.Message, N.Blames});
    Runner.Diagnostics.push_back(R);

    if (Runner.Options.Format == OutputFormat::Text) {
      DiagnosticsEngine &DE = Ctx.getDiagnostics();
      unsigned Warning = DE.getCustomDiagID(DiagnosticsEngine::Warning, "%0 [%1]");
      unsigned Note = DE.getCustomDiagID(DiagnosticsEngine::Note, "%0");
      {
        DiagnosticBuilder Builder = DE.Report(D.Loc, Warning);
        Builder << D.Message << D.Check;
        for (const FixItHint &Fix : D.FixIts)
          Builder << Fix;
      }
      for (const analysis::DiagnosticNote &N : D.Notes)
        if (N.Loc.isValid())
          DE.Report(N.Loc, Note) << N.Message;
    }
    if (Sarif && D.Loc.isValid()) {
      std::vector<ThreadFlow> Flow;
      for (const analysis::DiagnosticNote &N : D.Notes)
        if (N.Loc.isValid())
          Flow.push_back(ThreadFlow::create()
                             .setRange(range(N.Loc))
                             .setImportance(ThreadFlowImportance::Important)
                             .setMessage(N.Message));
      auto Rule = Rules.find(D.Check);
      Sarif->appendResult(SarifResult::create(Rule == Rules.end() ? 0 : Rule->second)
                              .setRuleId(D.Check)
                              .setDiagnosticMessage(D.Message)
                              .setDiagnosticLevel(SarifResultLevel::Warning)
                              .setLocations({range(D.Loc)})
                              .setThreadFlows(Flow));
    }
  }

  RacecheckRunner &Runner;
  ASTContext &Ctx;
  std::string Given;
  SarifDocumentWriter *Sarif;
  const std::map<std::string, size_t> &Rules;
};

class Consumer : public ASTConsumer {
public:
  Consumer(RacecheckRunner &Runner, std::string File)
      : Runner(Runner), File(std::move(File)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return; // The compiler's errors say it all; exit status 2 follows.
    auto It = Runner.GivenPaths.find(File);
    std::string Given = It == Runner.GivenPaths.end() ? File : It->second;

    auto Config = Runner.Configs.configFor(File);
    if (!Config) {
      Runner.ConfigErrors.push_back(llvm::toString(Config.takeError()));
      return;
    }

    std::unique_ptr<SarifDocumentWriter> Sarif;
    std::map<std::string, size_t> Rules;
    if (Runner.Options.Format == OutputFormat::Sarif) {
      Sarif = std::make_unique<SarifDocumentWriter>(Ctx.getSourceManager());
      Sarif->createRun("racecheck", "RaceLab racecheck", RACELAB_VERSION);
      for (const analysis::CheckInfo &C : analysis::implementedChecks())
        Rules[C.Name] = Sarif->createRule(SarifRule::create()
                                              .setRuleId(C.Name)
                                              .setName(C.Name)
                                              .setDescription(C.Summary));
    }
    ReportingHandler Handler(Runner, Ctx, Given, Sarif.get(), Rules);
    analysis::analyzeTranslationUnit(Ctx, *Config, Handler,
                                     Runner.Options.DumpAnalysis ? &llvm::errs()
                                                                 : nullptr);
    if (Sarif) {
      llvm::json::Object Doc = Sarif->createDocument();
      if (llvm::json::Array *Runs = Doc.getArray("runs"))
        for (llvm::json::Value &Run : *Runs)
          Runner.SarifRuns.push_back(std::move(Run));
    }
  }

private:
  RacecheckRunner &Runner;
  std::string File;
};

class Action : public ASTFrontendAction {
public:
  explicit Action(RacecheckRunner &Runner) : Runner(Runner) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef File) override {
    return std::make_unique<Consumer>(Runner, File.str());
  }

private:
  RacecheckRunner &Runner;
};

class Factory : public tooling::FrontendActionFactory {
public:
  explicit Factory(RacecheckRunner &Runner) : Runner(Runner) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Runner);
  }

private:
  RacecheckRunner &Runner;
};

} // namespace

std::unique_ptr<tooling::FrontendActionFactory> RacecheckRunner::factory() {
  return std::make_unique<Factory>(*this);
}

} // namespace racecheck
} // namespace racelab
