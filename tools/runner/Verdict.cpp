//===- Verdict.cpp - The outcome of verifying a lesson variant ------------===//
#include "Verdict.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {

std::string formatVariantShort(const VariantVerdict &V) {
  std::string S = variantName(V.Which).str() + ": ";
  if (!V.BuildError.empty())
    return S + "does not build";
  if (V.Runs == 0 && !V.Problems.empty())
    return S + "not run";
  return S + V.Expectation + " " + std::to_string(V.GoodRuns) + "/" +
         std::to_string(V.Runs);
}

std::string formatLessonLine(const std::string &LessonId,
                             const VariantVerdict *Buggy,
                             const VariantVerdict *Fixed, size_t IdWidth) {
  bool Passed = Buggy && Fixed && Buggy->Passed && Fixed->Passed;
  std::string Line = (Passed ? "PASS  " : "FAIL  ") + LessonId;
  if (LessonId.size() < IdWidth)
    Line.append(IdWidth - LessonId.size(), ' ');
  auto Part = [&](const VariantVerdict *V, Variant Which) {
    return V ? formatVariantShort(*V)
             : variantName(Which).str() + ": no result (its test did not run)";
  };
  Line += "  " + Part(Buggy, Variant::Buggy) + "  " + Part(Fixed, Variant::Fixed);
  // A problem of the lesson itself (a broken lesson.yaml) is the same for
  // both variants; say it once.
  bool Shared = Buggy && Fixed && !Buggy->Problems.empty() &&
                Buggy->Problems == Fixed->Problems &&
                Buggy->BuildError == Fixed->BuildError;
  if (Shared) {
    for (const std::string &P : Buggy->Problems)
      Line += "\n      " + P;
    return Line;
  }
  for (const VariantVerdict *V : {Buggy, Fixed}) {
    if (!V)
      continue;
    if (!V->BuildError.empty()) {
      // The first compiler error is the useful part of the output.
      llvm::StringRef First = llvm::StringRef(V->BuildError).split('\n').first;
      Line += "\n      " + variantName(V->Which).str() + ": " + First.str();
    }
    for (const std::string &P : V->Problems)
      Line += "\n      " + variantName(V->Which).str() + ": " + P;
  }
  return Line;
}

llvm::json::Value toJSON(const VariantVerdict &V) {
  llvm::json::Array Problems;
  for (const std::string &P : V.Problems)
    Problems.push_back(P);
  return llvm::json::Object{
      {"version", 1},
      {"lesson", V.LessonId},
      {"variant", variantName(V.Which)},
      {"expectation", V.Expectation},
      {"passed", V.Passed},
      {"runs", V.Runs},
      {"good_runs", V.GoodRuns},
      {"build_seconds", V.BuildSeconds},
      {"run_seconds", V.RunSeconds},
      {"problems", std::move(Problems)},
      {"build_error", V.BuildError},
  };
}

llvm::Expected<VariantVerdict> verdictFromJSON(const llvm::json::Value &Value) {
  const llvm::json::Object *O = Value.getAsObject();
  auto Bad = [](const char *What) {
    return llvm::createStringError("malformed verdict: %s", What);
  };
  if (!O)
    return Bad("not an object");
  VariantVerdict V;
  auto Str = [&](llvm::StringRef Key, std::string &Out) {
    if (auto S = O->getString(Key)) {
      Out = S->str();
      return true;
    }
    return false;
  };
  std::string VariantText;
  if (!Str("lesson", V.LessonId) || !Str("variant", VariantText) ||
      !Str("expectation", V.Expectation))
    return Bad("missing lesson, variant or expectation");
  if (VariantText != "buggy" && VariantText != "fixed")
    return Bad("variant is neither buggy nor fixed");
  V.Which = VariantText == "buggy" ? Variant::Buggy : Variant::Fixed;
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
  return V;
}

llvm::Error writeVerdictFile(const VariantVerdict &V, const std::string &Path) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:2}", toJSON(V)) << "\n";
  OS.flush();
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &Out) {
    Out << Text;
    return llvm::Error::success();
  });
}

llvm::Expected<VariantVerdict> readVerdictFile(const std::string &Path) {
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
