//===- FindingSet.h - Distinct TSan reports over several runs ---*- C++ -*-===//
//
// `racelab check` runs a program N times; the same race usually shows up in
// many runs with different addresses and thread ids. This folds reports that
// blame the same user lines into one finding and counts the runs it was
// seen in.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_FINDINGSET_H
#define RACELAB_RUNNER_FINDINGSET_H

#include "FrameFilter.h"
#include "TsanReport.h"

#include <map>
#include <string>
#include <vector>

namespace racelab {

struct Finding {
  TsanReport Example; ///< The first report seen with this signature.
  unsigned RunsSeen = 0;
};

class FindingSet {
public:
  explicit FindingSet(const FrameFilter &Filter) : Filter(Filter) {}

  /// Adds the reports of one run.
  void addRun(const TsanLog &Log);

  /// Findings in a deterministic order: by kind, then by blamed location.
  std::vector<const Finding *> findings() const;
  unsigned runsWithFindings() const { return RunsWithFindings; }

  /// Kind plus the top user frame (file:line) of every involved stack.
  std::string signature(const TsanReport &R) const;

private:
  const FrameFilter &Filter;
  std::map<std::string, Finding> BySignature;
  unsigned RunsWithFindings = 0;
};

} // namespace racelab

#endif
