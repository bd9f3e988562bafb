//===- Verdict.cpp - The outcome of verifying part of a lesson ------------===//
#include "Verdict.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {

llvm::StringRef partName(LessonPart P) {
  switch (P) {
  case LessonPart::Buggy:
    return "buggy";
  case LessonPart::Fixed:
    return "fixed";
  case LessonPart::Static:
    return "static";
  }
  return "unknown";
}

std::optional<LessonPart> partFromName(llvm::StringRef Name) {
  for (LessonPart P : allParts())
    if (partName(P) == Name)
      return P;
  return std::nullopt;
}

llvm::ArrayRef<LessonPart> allParts() {
  static const LessonPart All[] = {LessonPart::Buggy, LessonPart::Fixed,
                                   LessonPart::Static};
  return All;
}

std::string formatPartShort(const PartVerdict &V) {
  std::string S = partName(V.Part).str() + ": ";
  if (!V.BuildError.empty())
    return S + "does not build";
  if (V.Runs == 0 && !V.Problems.empty())
    return S + "not run";
  if (V.Part == LessonPart::Static)
    return S + (V.Passed ? "ok" : "mismatch");
  S += V.Expectation + " " + std::to_string(V.GoodRuns) + "/" +
       std::to_string(V.Runs);
  if (!V.DetectedBy.empty()) {
    std::vector<std::string> Ways;
    for (const auto &[How, Runs] : V.DetectedBy)
      Ways.push_back(How + " " + std::to_string(Runs));
    S += " (" + llvm::join(Ways, ", ") + ")";
  }
  return S;
}

const PartVerdict *LessonVerdicts::get(LessonPart P) const {
  switch (P) {
  case LessonPart::Buggy:
    return Buggy;
  case LessonPart::Fixed:
    return Fixed;
  case LessonPart::Static:
    return Static;
  }
  return nullptr;
}

bool LessonVerdicts::passed() const {
  for (LessonPart P : allParts())
    if (!get(P) || !get(P)->Passed)
      return false;
  return true;
}

std::string formatLessonLine(const std::string &LessonId, const LessonVerdicts &V,
                             size_t IdWidth) {
  std::string Line = (V.passed() ? "PASS  " : "FAIL  ") + LessonId;
  if (LessonId.size() < IdWidth)
    Line.append(IdWidth - LessonId.size(), ' ');
  for (LessonPart P : allParts()) {
    const PartVerdict *PV = V.get(P);
    Line += "  " + (PV ? formatPartShort(*PV)
                       : partName(P).str() + ": no result (its test did not run)");
  }
  // A problem of the lesson itself (a broken lesson.yaml) is the same for
  // every part; say it once.
  bool Shared = V.Buggy && !V.Buggy->Problems.empty();
  for (LessonPart P : allParts())
    Shared &= V.get(P) && V.get(P)->Problems == V.Buggy->Problems &&
              V.get(P)->BuildError == V.Buggy->BuildError;
  if (Shared) {
    for (const std::string &Problem : V.Buggy->Problems)
      Line += "\n      " + Problem;
    return Line;
  }
  for (LessonPart P : allParts()) {
    const PartVerdict *PV = V.get(P);
    if (!PV)
      continue;
    std::string Prefix = "\n      " + partName(P).str() + ": ";
    if (!PV->BuildError.empty()) {
      // The first compiler error is the useful part of the output.
      Line += Prefix + llvm::StringRef(PV->BuildError).split('\n').first.str();
    }
    for (const std::string &Problem : PV->Problems)
      Line += Prefix + Problem;
  }
  return Line;
}

llvm::json::Value toJSON(const PartVerdict &V) {
  llvm::json::Array Problems, DetectedBy, HangDetails;
  for (const std::string &P : V.Problems)
    Problems.push_back(P);
  for (const auto &[How, Runs] : V.DetectedBy)
    DetectedBy.push_back(llvm::json::Object{{"how", How}, {"runs", Runs}});
  for (const std::string &H : V.HangDetails)
    HangDetails.push_back(H);
  return llvm::json::Object{
      {"version", 1},
      {"lesson", V.LessonId},
      {"part", partName(V.Part)},
      {"expectation", V.Expectation},
      {"passed", V.Passed},
      {"runs", V.Runs},
      {"good_runs", V.GoodRuns},
      {"build_seconds", V.BuildSeconds},
      {"run_seconds", V.RunSeconds},
      {"problems", std::move(Problems)},
      {"build_error", V.BuildError},
      {"detected_by", std::move(DetectedBy)},
      {"hang_details", std::move(HangDetails)},
  };
}

llvm::Expected<PartVerdict> verdictFromJSON(const llvm::json::Value &Value) {
  const llvm::json::Object *O = Value.getAsObject();
  auto Bad = [](const char *What) {
    return llvm::createStringError("malformed verdict: %s", What);
  };
  if (!O)
    return Bad("not an object");
  PartVerdict V;
  auto Str = [&](llvm::StringRef Key, std::string &Out) {
    if (auto S = O->getString(Key)) {
      Out = S->str();
      return true;
    }
    return false;
  };
  std::string PartText;
  if (!Str("lesson", V.LessonId) || !Str("part", PartText) ||
      !Str("expectation", V.Expectation))
    return Bad("missing lesson, part or expectation");
  std::optional<LessonPart> Part = partFromName(PartText);
  if (!Part)
    return Bad("part is not buggy, fixed or static");
  V.Part = *Part;
  auto Passed = O->getBoolean("passed");
  auto Runs = O->getInteger("runs");
  auto Good = O->getInteger("good_runs");
  if (!Passed || !Runs || !Good)
    return Bad("missing passed, runs or good_runs");
  V.Passed = *Passed;
  V.Runs = static_cast<unsigned>(*Runs);
  V.GoodRuns = static_cast<unsigned>(*Good);
  V.BuildSeconds = O->getNumber("build_seconds").value_or(0);
  V.RunSeconds = O->getNumber("run_seconds").value_or(0);
  Str("build_error", V.BuildError);
  if (const llvm::json::Array *Problems = O->getArray("problems"))
    for (const llvm::json::Value &P : *Problems)
      if (auto S = P.getAsString())
        V.Problems.push_back(S->str());
  if (const llvm::json::Array *Ways = O->getArray("detected_by"))
    for (const llvm::json::Value &W : *Ways) {
      const llvm::json::Object *Way = W.getAsObject();
      auto How = Way ? Way->getString("how") : std::nullopt;
      auto Runs = Way ? Way->getInteger("runs") : std::nullopt;
      if (!How || !Runs)
        return Bad("detected_by entries need how and runs");
      V.DetectedBy.emplace_back(How->str(), static_cast<unsigned>(*Runs));
    }
  if (const llvm::json::Array *Hangs = O->getArray("hang_details"))
    for (const llvm::json::Value &H : *Hangs)
      if (auto S = H.getAsString())
        V.HangDetails.push_back(S->str());
  return V;
}

llvm::Error writeVerdictFile(const PartVerdict &V, const std::string &Path) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:2}", toJSON(V)) << "\n";
  OS.flush();
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &Out) {
    Out << Text;
    return llvm::Error::success();
  });
}

llvm::Expected<PartVerdict> readVerdictFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "%s: %s", Path.c_str(),
                                   Buffer.getError().message().c_str());
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return llvm::createStringError("%s: %s", Path.c_str(),
                                   llvm::toString(Parsed.takeError()).c_str());
  auto V = verdictFromJSON(*Parsed);
  if (!V)
    return llvm::createStringError("%s: %s", Path.c_str(),
                                   llvm::toString(V.takeError()).c_str());
  return V;
}

} // namespace racelab
