//===- Speedup.h - Amdahl's law fitted to measured speedups -----*- C++ -*-===//
//
// The arithmetic and drawing behind `racelab speedup`: the median of
// repeated timings, the serial fraction that Amdahl's law
// S(N) = 1 / (s + (1 - s) / N) fits to measured speedups, and the speedup
// curve as an SVG picture. No I/O here.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_SPEEDUP_H
#define RACELAB_RUNNER_SPEEDUP_H

#include <optional>
#include <string>
#include <vector>

namespace racelab {

double median(std::vector<double> Values);

/// S(N) for serial fraction S.
double amdahlSpeedup(double SerialFraction, double Threads);

/// A program's speedup at one thread count, against itself at one thread.
struct SpeedupSample {
  unsigned Threads = 1;
  double Speedup = 1;
};

/// The serial fraction s in [0, 1] that fits the samples best (least
/// squares on 1/S - 1/N = s (1 - 1/N), which is linear in s). nullopt
/// without a sample above one thread.
std::optional<double> fitSerialFraction(const std::vector<SpeedupSample> &Samples);

/// One program's measured curve, for the picture.
struct SpeedupCurve {
  std::string Label; ///< "before.cpp", "fixed.cpp"
  std::vector<SpeedupSample> Samples;
  std::optional<double> SerialFraction;
};

/// Speedup against threads: the measured points, the fitted Amdahl curve
/// of each program, and the ideal S(N) = N, as a standalone SVG document.
std::string speedupSvg(const std::string &Title, const std::vector<SpeedupCurve> &Curves);

} // namespace racelab

#endif
