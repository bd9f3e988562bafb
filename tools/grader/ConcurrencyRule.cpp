//===- ConcurrencyRule.cpp - Did the workers work together ----------------===//
//
// assessConcurrency, the rule of the "concurrency" criterion: which threads
// are workers (by their share of the CPU time) and how many of them were in
// their main stretch of work together for long enough, plus the feedback
// sentence that says so. It reads only a ThreadTrace, so a report read back
// is assessed exactly as the trace that was written.
//
//===----------------------------------------------------------------------===//
#include "ConcurrencyRule.h"
#include "ThreadTrace.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace racelab {

namespace {

std::string percent(double Fraction) {
  return std::to_string(int(std::lround(Fraction * 100))) + "%";
}

std::string threads(unsigned N) {
  return std::to_string(N) + (N == 1 ? " thread" : " threads");
}

} // namespace

ConcurrencyResult assessConcurrency(const ThreadTrace &T,
                                    unsigned RequiredThreads) {
  ConcurrencyResult Res;
  std::string Asked = "The lab asks for " + threads(RequiredThreads) +
                      " working at the same time.";
  if (!T.ProgramRan || T.Threads.empty()) {
    Res.Feedback = "The program never started, so no thread did any work.";
    return Res;
  }
  uint64_t Total = 0, MainCpu = 0;
  for (const ThreadRecord &R : T.Threads) {
    Total += R.CpuNanos;
    if (R.Main)
      MainCpu += R.CpuNanos;
  }
  if (Total == 0) {
    Res.Feedback = "The program used no measurable CPU time. " + Asked;
    return Res;
  }
  // Workers use at least a quarter of an equal share; the fraction is
  // compared in integers so a report read back decides the same.
  std::vector<const ThreadRecord *> Workers;
  for (const ThreadRecord &R : T.Threads)
    if (!R.Main && R.CpuNanos * 4 * (RequiredThreads + 1) >= Total)
      Workers.push_back(&R);
  Res.Busy = Workers.size();

  // Sweep over rounds: +1 where a worker's main stretch starts, -1 where it
  // ends.
  std::map<int64_t, int> Delta;
  double MeanSpan = 0;
  for (const ThreadRecord *W : Workers) {
    if (W->WorkFrom < 0 || W->WorkTo < W->WorkFrom)
      continue;
    MeanSpan += W->WorkTo - W->WorkFrom;
    ++Delta[W->WorkFrom];
    --Delta[W->WorkTo];
  }
  if (!Workers.empty())
    MeanSpan /= Workers.size();
  // RoundsWith[k]: rounds in which at least k workers were in their main
  // stretch.
  std::vector<int64_t> RoundsWith(Workers.size() + 1, 0);
  int Active = 0;
  for (auto It = Delta.begin(); It != Delta.end(); ++It) {
    Active += It->second;
    auto Next = std::next(It);
    if (Next == Delta.end())
      break;
    for (int K = 1; K <= Active; ++K)
      RoundsWith[K] += Next->first - It->first;
  }
  double MinRounds = std::max(3.0, MeanSpan / 4);
  for (unsigned K = 1; K < RoundsWith.size(); ++K)
    if (RoundsWith[K] >= MinRounds)
      Res.MaxTogether = K;
  if (Res.Busy > 0 && Res.MaxTogether == 0)
    Res.MaxTogether = 1;

  Res.Kept = Res.Busy >= RequiredThreads && Res.MaxTogether >= RequiredThreads;
  std::string MainShare = "main did " + percent(double(MainCpu) / Total) +
                          " of it.";
  if (Res.Busy < RequiredThreads) {
    std::string Who = Res.Busy == 0
                          ? "No thread besides main"
                          : "Only " + threads(Res.Busy) + " besides main";
    Res.Feedback = Who + " did any real work: " + MainShare + " " + Asked;
    return Res;
  }
  uint64_t Least = Total, Most = 0;
  for (const ThreadRecord *W : Workers) {
    Least = std::min(Least, W->CpuNanos);
    Most = std::max(Most, W->CpuNanos);
  }
  std::string Range = percent(double(Least) / Total);
  if (Most != Least && percent(double(Most) / Total) != Range)
    Range += "-" + percent(double(Most) / Total);
  std::string Each = "each used " + Range + " of the CPU time";
  if (Res.Kept) {
    Res.Feedback = std::to_string(Res.MaxTogether) +
                   " worker threads did the work at the same time (" + Each +
                   ").";
    return Res;
  }
  if (Res.MaxTogether <= 1)
    Res.Feedback = threads(Res.Busy) + " worked (" + Each +
                   "), but never at the same time: each one finished before "
                   "the next started. " +
                   Asked;
  else
    Res.Feedback = threads(Res.Busy) + " worked (" + Each + "), but at most " +
                   std::to_string(Res.MaxTogether) + " at the same time. " +
                   Asked;
  return Res;
}

} // namespace racelab
