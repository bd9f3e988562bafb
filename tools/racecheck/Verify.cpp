//===- Verify.cpp - racecheck --verify against lesson annotations ---------===//
#include "Verify.h"

#include "Annotation.h"
#include "Findings.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

#include <map>
#include <set>

namespace racelab {
namespace racecheck {
namespace {

/// Which annotation kind stands for which check.
struct CheckAnnotation {
  const char *Check;
  AnnotationKind Kind;
};
const CheckAnnotation Implemented[] = {
    {analysis::DataRaceCheckName, AnnotationKind::Race},
    {analysis::LockOrderCheckName, AnnotationKind::LockOrder},
    {analysis::DoubleLockCheckName, AnnotationKind::DoubleLock},
    {analysis::CvWaitCheckName, AnnotationKind::CvWait},
    {analysis::UnjoinedThreadCheckName, AnnotationKind::UnjoinedThread},
    {analysis::DanglingCaptureCheckName, AnnotationKind::DanglingCapture},
};

const CheckAnnotation *forCheck(llvm::StringRef Check) {
  for (const CheckAnnotation &C : Implemented)
    if (Check == C.Check)
      return &C;
  return nullptr;
}

} // namespace

std::string VerifyResult::format(llvm::StringRef Source) const {
  std::string S;
  for (const std::string &E : AnnotationErrors)
    S += E + "\n";
  if (Unexpected.empty() && Missing.empty())
    return S;
  S += Source.str() + ": --verify: " + std::to_string(Unexpected.size()) +
       " unexpected, " + std::to_string(Missing.size()) + " missing\n";
  for (const std::string &M : Missing)
    S += "- " + M + "\n";
  for (const std::string &U : Unexpected)
    S += "+ " + U + "\n";
  return S;
}

VerifyResult verifyFindings(llvm::StringRef Source, llvm::StringRef Text,
                            const std::vector<ReportedDiagnostic> &Diags) {
  VerifyResult Result;
  AnnotationParseResult Parsed = parseAnnotations(Text, Source);
  for (const LessonDiagnostic &E : Parsed.Errors)
    Result.AnnotationErrors.push_back(E.str());

  // Annotated lines per kind, and which labels each line carries.
  std::map<AnnotationKind, std::map<unsigned, std::vector<const Annotation *>>> Lines;
  for (const Annotation &A : Parsed.Annotations)
    Lines[A.Kind][A.Line].push_back(&A);

  std::map<AnnotationKind, std::set<std::string>> HitLabels;
  for (const ReportedDiagnostic &D : Diags) {
    if (D.Source != Source)
      continue;
    const CheckAnnotation *C = forCheck(D.Check);
    if (!C)
      continue;
    // A finding in another file (a header) cannot be annotated in this one:
    // it is unexpected as it stands.
    if (D.Where.File != Source) {
      Result.Unexpected.push_back(D.Check + " at " + D.Where.File + ":" +
                                  std::to_string(D.Where.Line) + ":" +
                                  std::to_string(D.Where.Column) + ": " + D.Message +
                                  " (outside " + Source.str() + ")");
      continue;
    }
    std::vector<unsigned> Blamed;
    Blamed.push_back(D.Where.Line);
    for (const ReportedNote &N : D.Notes)
      if (N.Blames && N.Where.File == Source)
        Blamed.push_back(N.Where.Line);
    llvm::sort(Blamed);
    Blamed.erase(std::unique(Blamed.begin(), Blamed.end()), Blamed.end());
    std::vector<std::string> Bare;
    for (unsigned Line : Blamed) {
      auto It = Lines[C->Kind].find(Line);
      if (It == Lines[C->Kind].end()) {
        Bare.push_back(std::to_string(Line));
        continue;
      }
      for (const Annotation *A : It->second)
        HitLabels[C->Kind].insert(A->Label);
    }
    if (!Bare.empty())
      Result.Unexpected.push_back(
          D.Check + " at " + D.Where.File + ":" + std::to_string(D.Where.Line) + ":" +
          std::to_string(D.Where.Column) + ": " + D.Message + " (line" +
          (Bare.size() > 1 ? "s " : " ") + llvm::join(Bare, ", ") + " not annotated expect-" +
          annotationKindName(C->Kind).str() + ")");
  }

  for (const CheckAnnotation &C : Implemented) {
    std::map<std::string, std::vector<std::string>> MissingLines;
    for (const Annotation &A : Parsed.Annotations)
      if (A.Kind == C.Kind && !HitLabels[C.Kind].count(A.Label))
        MissingLines[A.Label].push_back(std::to_string(A.Line));
    for (const auto &[Label, Where] : MissingLines)
      Result.Missing.push_back(std::string(C.Check) + " for expect-" +
                               annotationKindName(C.Kind).str() + ": " + Label + " (" +
                               Source.str() + ":" + llvm::join(Where, ", ") + ")");
  }
  return Result;
}

} // namespace racecheck
} // namespace racelab
