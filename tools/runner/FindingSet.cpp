//===- FindingSet.cpp - Distinct TSan reports over several runs -----------===//
#include "FindingSet.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

namespace racelab {

std::string FindingSet::signature(const TsanReport &R) const {
  std::set<std::string> Places;
  for (const TsanStack *S : R.involvedStacks()) {
    const TsanFrame *F = Filter.topUserFrame(*S);
    if (!F && !S->Frames.empty())
      F = &S->Frames.front();
    if (F)
      Places.insert(F->File + ":" + std::to_string(F->Line) + ":" + F->Function);
  }
  // Kind first, so std::map order groups findings by kind.
  return tsanReportKindId(R.Kind).str() + "|" + R.KindText + "|" +
         llvm::join(Places, "|");
}

void FindingSet::addRun(const TsanLog &Log) {
  std::set<std::string> SeenThisRun;
  for (const TsanReport &R : Log.Reports) {
    std::string Sig = signature(R);
    if (!SeenThisRun.insert(Sig).second)
      continue;
    auto [It, New] = BySignature.try_emplace(Sig);
    if (New)
      It->second.Example = R;
    ++It->second.RunsSeen;
  }
  if (!Log.Reports.empty())
    ++RunsWithFindings;
}

std::vector<const Finding *> FindingSet::findings() const {
  std::vector<const Finding *> Result;
  for (const auto &[Sig, F] : BySignature)
    Result.push_back(&F);
  return Result;
}

} // namespace racelab
