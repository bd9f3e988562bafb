//===- Speedup.cpp - Amdahl's law fitted to measured speedups -------------===//
#include "Speedup.h"
#include "XmlText.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace racelab {

double median(std::vector<double> Values) {
  if (Values.empty())
    return 0;
  std::sort(Values.begin(), Values.end());
  size_t Mid = Values.size() / 2;
  return Values.size() % 2 ? Values[Mid] : (Values[Mid - 1] + Values[Mid]) / 2;
}

double amdahlSpeedup(double SerialFraction, double Threads) {
  return 1 / (SerialFraction + (1 - SerialFraction) / Threads);
}

std::optional<double> fitSerialFraction(const std::vector<SpeedupSample> &Samples) {
  // 1/S = s + (1 - s)/N  <=>  1/S - 1/N = s (1 - 1/N): y = s x through the
  // origin, whose least-squares slope is sum(xy) / sum(xx).
  double XY = 0, XX = 0;
  for (const SpeedupSample &P : Samples) {
    if (P.Threads < 2 || P.Speedup <= 0)
      continue;
    double X = 1 - 1.0 / P.Threads;
    double Y = 1 / P.Speedup - 1.0 / P.Threads;
    XY += X * Y;
    XX += X * X;
  }
  if (XX == 0)
    return std::nullopt;
  return std::clamp(XY / XX, 0.0, 1.0);
}

std::string speedupSvg(const std::string &Title, const std::vector<SpeedupCurve> &Curves) {
  constexpr double Width = 560, Height = 360, Left = 60, Right = 170, Top = 40,
                   Bottom = 50;
  unsigned MaxThreads = 2;
  double MaxSpeedup = 2;
  for (const SpeedupCurve &C : Curves)
    for (const SpeedupSample &P : C.Samples) {
      MaxThreads = std::max(MaxThreads, P.Threads);
      MaxSpeedup = std::max(MaxSpeedup, P.Speedup);
    }
  MaxSpeedup = std::max(MaxSpeedup, static_cast<double>(std::min(MaxThreads, 8u)));
  MaxSpeedup *= 1.1;
  auto X = [&](double N) { return Left + (N - 1) / (MaxThreads - 1) * (Width - Left - Right); };
  auto Y = [&](double S) { return Height - Bottom - S / MaxSpeedup * (Height - Top - Bottom); };
  const char *Colours[] = {"#c0392b", "#2471a3", "#1e8449", "#7d3c98"};

  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::formatv("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
                      "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
                      "font-size=\"12\">\n",
                      Width, Height);
  OS << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  OS << llvm::formatv("<text x=\"{0}\" y=\"22\" font-size=\"14\">{1}</text>\n", Left,
                      xmlEscape(Title));
  // Axes with a tick per thread count measured and per whole speedup.
  OS << llvm::formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"black\"/>\n",
                      Left, Y(0), X(MaxThreads));
  OS << llvm::formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"black\"/>\n",
                      Left, Y(0), Top);
  std::vector<unsigned> Ticks;
  for (const SpeedupCurve &C : Curves)
    for (const SpeedupSample &P : C.Samples)
      Ticks.push_back(P.Threads);
  std::sort(Ticks.begin(), Ticks.end());
  Ticks.erase(std::unique(Ticks.begin(), Ticks.end()), Ticks.end());
  for (unsigned N : Ticks)
    OS << llvm::formatv("<text x=\"{0:f1}\" y=\"{1:f1}\" text-anchor=\"middle\">{2}</text>\n",
                        X(N), Y(0) + 16, N);
  for (unsigned S = 0; S <= static_cast<unsigned>(MaxSpeedup); ++S)
    OS << llvm::formatv("<text x=\"{0}\" y=\"{1:f1}\" text-anchor=\"end\">{2}</text>\n",
                        Left - 6, Y(S) + 4, S);
  OS << llvm::formatv("<text x=\"{0:f1}\" y=\"{1}\" text-anchor=\"middle\">threads</text>\n",
                      X((1 + MaxThreads) / 2.0), Height - 12);
  OS << llvm::formatv("<text x=\"16\" y=\"{0:f1}\" transform=\"rotate(-90 16 {0:f1})\" "
                      "text-anchor=\"middle\">speedup</text>\n",
                      Y(MaxSpeedup / 2));
  // The ideal: N threads, N times as fast (up to the plot's top).
  double IdealEnd = std::min<double>(MaxThreads, MaxSpeedup);
  OS << llvm::formatv("<line x1=\"{0:f1}\" y1=\"{1:f1}\" x2=\"{2:f1}\" y2=\"{3:f1}\" "
                      "stroke=\"grey\" stroke-dasharray=\"4 4\"/>\n",
                      X(1), Y(1), X(IdealEnd), Y(IdealEnd));
  double LegendY = Top + 10;
  OS << llvm::formatv("<text x=\"{0}\" y=\"{1}\" fill=\"grey\">ideal: S(N) = N</text>\n",
                      Width - Right + 12, LegendY);
  for (size_t I = 0; I < Curves.size(); ++I) {
    const SpeedupCurve &C = Curves[I];
    const char *Colour = Colours[I % 4];
    if (C.SerialFraction) {
      OS << "<polyline fill=\"none\" stroke=\"" << Colour << "\" points=\"";
      for (int Step = 0; Step <= 100; ++Step) {
        double N = 1 + (MaxThreads - 1) * Step / 100.0;
        OS << llvm::formatv("{0:f1},{1:f1} ", X(N), Y(amdahlSpeedup(*C.SerialFraction, N)));
      }
      OS << "\"/>\n";
    }
    for (const SpeedupSample &P : C.Samples)
      OS << llvm::formatv("<circle cx=\"{0:f1}\" cy=\"{1:f1}\" r=\"4\" fill=\"{2}\"/>\n",
                          X(P.Threads), Y(P.Speedup), Colour);
    LegendY += 20;
    OS << llvm::formatv("<text x=\"{0}\" y=\"{1}\" fill=\"{2}\">{3}</text>\n",
                        Width - Right + 12, LegendY, Colour, C.Label);
    if (C.SerialFraction) {
      LegendY += 16;
      OS << llvm::formatv("<text x=\"{0}\" y=\"{1}\" fill=\"{2}\">serial fraction "
                          "{3:f2}</text>\n",
                          Width - Right + 20, LegendY, Colour, *C.SerialFraction);
    }
  }
  OS << "</svg>\n";
  return Out;
}

} // namespace racelab
