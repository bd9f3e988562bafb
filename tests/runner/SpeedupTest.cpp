//===- SpeedupTest.cpp - Medians, Amdahl's law and the speedup curve ------===//
#include "Speedup.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::HasSubstr;

namespace {

TEST(SpeedupTest, Median) {
  EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2);
  EXPECT_DOUBLE_EQ(median({4, 1, 3, 2}), 2.5);
  EXPECT_DOUBLE_EQ(median({}), 0);
}

TEST(SpeedupTest, AmdahlsLaw) {
  EXPECT_DOUBLE_EQ(amdahlSpeedup(0, 4), 4);
  EXPECT_DOUBLE_EQ(amdahlSpeedup(1, 4), 1);
  EXPECT_NEAR(amdahlSpeedup(0.1, 8), 1 / (0.1 + 0.9 / 8), 1e-12);
}

TEST(SpeedupTest, FitRecoversTheSerialFraction) {
  for (double S : {0.0, 0.05, 0.3, 0.8, 1.0}) {
    std::vector<SpeedupSample> Samples;
    for (unsigned N : {1u, 2u, 4u, 8u})
      Samples.push_back({N, amdahlSpeedup(S, N)});
    std::optional<double> Fit = fitSerialFraction(Samples);
    ASSERT_TRUE(Fit.has_value());
    EXPECT_NEAR(*Fit, S, 1e-9) << "serial fraction " << S;
  }
}

TEST(SpeedupTest, FitOfNoisyOrImpossibleSpeedups) {
  // Slower with more threads (oversubscription): more than all serial.
  std::optional<double> Worse = fitSerialFraction({{1, 1}, {2, 0.8}});
  ASSERT_TRUE(Worse.has_value());
  EXPECT_DOUBLE_EQ(*Worse, 1);
  // Better than linear (cache effects): clamped at zero.
  std::optional<double> Super = fitSerialFraction({{1, 1}, {2, 2.3}});
  ASSERT_TRUE(Super.has_value());
  EXPECT_DOUBLE_EQ(*Super, 0);
  EXPECT_FALSE(fitSerialFraction({{1, 1}}).has_value());
}

TEST(SpeedupTest, SvgHasPointsCurveAndLegend) {
  std::string Svg = speedupSvg("Sum <chunks> & merge",
                               {{"before.cpp", {{1, 1}, {2, 1.1}}, 0.82},
                                {"fixed.cpp", {{1, 1}, {2, 1.9}, {4, 1.85}}, 0.05}});
  EXPECT_THAT(Svg, HasSubstr("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_THAT(Svg, HasSubstr("Sum &lt;chunks&gt; &amp; merge"));
  EXPECT_EQ(std::count(Svg.begin(), Svg.end(), '\n') > 10, true);
  size_t Circles = 0;
  for (size_t P = Svg.find("<circle"); P != std::string::npos; P = Svg.find("<circle", P + 1))
    ++Circles;
  EXPECT_EQ(Circles, 5u);
  EXPECT_THAT(Svg, HasSubstr("serial fraction 0.82"));
  EXPECT_THAT(Svg, HasSubstr("serial fraction 0.05"));
  EXPECT_THAT(Svg, HasSubstr("<polyline"));
  EXPECT_THAT(Svg, HasSubstr("ideal: S(N) = N"));
  EXPECT_THAT(Svg, HasSubstr("</svg>\n"));
}

} // namespace
