//===- AnalysisTestHelper.cpp - Run the analysis on in-memory code --------===//
#include "AnalysisTestHelper.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <algorithm>

#include <cstdlib>

namespace racelab {
namespace testing {
namespace {

class Collector : public analysis::FindingHandler {
public:
  Collector(const clang::SourceManager &SM, AnalysisRun &Out) : SM(SM), Out(Out) {}

  void handleDataRace(const analysis::DataRaceFinding &F) override {
    RaceAt R;
    R.Variable = F.Variable;
    R.WriteLine = line(F.First.Loc);
    R.OtherLine = line(F.Second.Loc);
    R.OtherIsWrite = F.Second.IsWrite;
    R.WriteInMain = F.First.Thread.InMain;
    R.OtherInMain = F.Second.Thread.InMain;
    R.WriteSpawnLine = F.First.Thread.InMain ? 0 : line(F.First.Thread.Spawn);
    R.OtherSpawnLine = F.Second.Thread.InMain ? 0 : line(F.Second.Thread.Spawn);
    for (const auto &L : F.First.Locks)
      R.WriteLocks.push_back(L.Name);
    for (const auto &L : F.Second.Locks)
      R.OtherLocks.push_back(L.Name);
    Out.Races.push_back(R);
  }

  void handleLockOrder(const analysis::LockOrderFinding &F) override {
    std::vector<clang::SourceLocation> Involved;
    for (const auto &S : F.Steps) {
      Involved.push_back(S.HeldAt);
      Involved.push_back(S.AcquiredAt);
    }
    add(analysis::LockOrderCheckName, F.Steps.front().AcquiredAt,
        F.Steps.front().Acquired, Involved);
  }
  void handleJoinWhileHolding(const analysis::JoinWhileHoldingFinding &F) override {
    add(analysis::LockOrderCheckName, F.JoinAt, F.Mutex, {F.HeldAt, F.AcquiredAt});
  }
  void handleDoubleLock(const analysis::DoubleLockFinding &F) override {
    add(analysis::DoubleLockCheckName, F.SecondAt, F.Mutex, {F.FirstAt});
  }
  void handleCvWait(const analysis::CvWaitFinding &F) override {
    add(analysis::CvWaitCheckName, F.WaitAt, F.ConditionVariable, {F.CheckedOnceAt});
  }
  void handleUnjoinedThread(const analysis::UnjoinedThreadFinding &F) override {
    add(analysis::UnjoinedThreadCheckName, F.StartedAt, F.Thread, {F.EndsAt});
  }
  void handleDanglingCapture(const analysis::DanglingCaptureFinding &F) override {
    add(analysis::DanglingCaptureCheckName, F.SpawnAt, F.Variable,
        {F.DeclaredAt, F.ScopeEndAt, F.UseAt});
  }

private:
  void add(llvm::StringRef Check, clang::SourceLocation At, const std::string &Subject,
           const std::vector<clang::SourceLocation> &Involved) {
    CheckAt C;
    C.Check = Check.str();
    C.Line = line(At);
    C.Subject = Subject;
    for (clang::SourceLocation L : Involved)
      if (unsigned N = line(L))
        C.Lines.push_back(N);
    C.Lines.push_back(C.Line);
    llvm::sort(C.Lines);
    C.Lines.erase(std::unique(C.Lines.begin(), C.Lines.end()), C.Lines.end());
    Out.Others.push_back(C);
  }
  unsigned line(clang::SourceLocation L) const {
    return L.isValid() ? SM.getExpansionLineNumber(L) : 0;
  }
  const clang::SourceManager &SM;
  AnalysisRun &Out;
};

class Consumer : public clang::ASTConsumer {
public:
  Consumer(const analysis::AnalysisConfig &Config, AnalysisRun &Out)
      : Config(Config), Out(Out) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Out.Compiled = true;
    Collector C(Ctx.getSourceManager(), Out);
    // RACELAB_ANALYSIS_DUMP=1 shows the records behind a failing test.
    analysis::analyzeTranslationUnit(Ctx, Config, C,
                                     std::getenv("RACELAB_ANALYSIS_DUMP")
                                         ? &llvm::errs()
                                         : nullptr);
  }

private:
  const analysis::AnalysisConfig &Config;
  AnalysisRun &Out;
};

class Action : public clang::ASTFrontendAction {
public:
  Action(const analysis::AnalysisConfig &Config, AnalysisRun &Out)
      : Config(Config), Out(Out) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    ErrorStream = std::make_unique<llvm::raw_string_ostream>(Out.Errors);
    auto *Printer = new clang::TextDiagnosticPrinter(*ErrorStream, &CI.getDiagnosticOpts());
    // The source file has begun already: tell the new printer, or it has
    // no language options to print with.
    Printer->BeginSourceFile(CI.getLangOpts(), &CI.getPreprocessor());
    CI.getDiagnostics().setClient(Printer, /*ShouldOwnClient=*/true);
    return std::make_unique<Consumer>(Config, Out);
  }

private:
  const analysis::AnalysisConfig &Config;
  AnalysisRun &Out;
  std::unique_ptr<llvm::raw_string_ostream> ErrorStream;
};

} // namespace

std::ostream &operator<<(std::ostream &OS, const RaceAt &R) {
  return OS << "race on '" << R.Variable << "' write@" << R.WriteLine << " vs "
            << (R.OtherIsWrite ? "write" : "read") << "@" << R.OtherLine;
}

std::ostream &operator<<(std::ostream &OS, const CheckAt &C) {
  OS << C.Check << " on '" << C.Subject << "' @" << C.Line << " (lines";
  for (unsigned L : C.Lines)
    OS << " " << L;
  return OS << ")";
}

AnalysisRun runAnalysisOnCode(const std::string &Code,
                              const analysis::AnalysisConfig &Config,
                              const std::string &FileName) {
  AnalysisRun Out;
  bool IsC = llvm::StringRef(FileName).ends_with(".c");
  std::vector<std::string> Args = {
      IsC ? "-std=gnu17" : "-std=c++20", "-pthread", "-fsyntax-only",
      "-resource-dir=" RACELAB_CLANG_RESOURCE_DIR, "-Wno-unused-value"};
  if (!IsC)
    Args.push_back("-xc++");
  clang::tooling::runToolOnCodeWithArgs(std::make_unique<Action>(Config, Out), Code,
                                        Args, FileName, "clang-tool");
  return Out;
}

unsigned lineOf(const std::string &Code, const std::string &Marker) {
  size_t At = Code.find(Marker);
  if (At == std::string::npos)
    return 0;
  return 1 + std::count(Code.begin(), Code.begin() + At, '\n');
}

std::vector<CheckAt> findingsOf(const std::string &Code, const std::string &Check) {
  AnalysisRun Run = runAnalysisOnCode(Code);
  EXPECT_TRUE(Run.Compiled) << Run.Errors;
  std::vector<CheckAt> Out;
  for (const CheckAt &C : Run.Others)
    if (C.Check == Check)
      Out.push_back(C);
  return Out;
}

} // namespace testing
} // namespace racelab
