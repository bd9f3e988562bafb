//===- DanglingCaptureDetector.h - Threads outliving borrowed locals -*- C++ -*-===//
//
// A thread handed a local by reference or pointer (a `[&]` capture,
// std::ref, `&x`, a reference member of its functor, `this` of a local
// object) must be joined before the local's scope ends. The walk records,
// at each local's end, the threads that borrowed it and may still run
// (detached, joined later, never joined); this turns those records into
// findings, one per local and thread, for threads that do use the local.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_ANALYSIS_DANGLINGCAPTUREDETECTOR_H
#define RACELAB_ANALYSIS_DANGLINGCAPTUREDETECTOR_H

#include "Findings.h"
#include "RaceAnalysis.h"

namespace racelab {
namespace analysis {

std::vector<DanglingCaptureFinding> findDanglingCaptures(const RaceAnalysis &A);

} // namespace analysis
} // namespace racelab

#endif
