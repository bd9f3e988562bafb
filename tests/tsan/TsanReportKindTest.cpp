//===- TsanReportKindTest.cpp - Report kinds, ids and headers -------------===//
#include "TsanReportKind.h"

#include "gtest/gtest.h"

#include <set>

using namespace racelab;

namespace {

TEST(TsanReportKindTest, IdsRoundTripAndAreUnique) {
  std::set<std::string> Seen;
  for (TsanReportKind K : allTsanReportKinds()) {
    llvm::StringRef Id = tsanReportKindId(K);
    EXPECT_TRUE(Seen.insert(Id.str()).second) << Id.str();
    auto Back = tsanReportKindFromId(Id);
    ASSERT_TRUE(Back.has_value()) << Id.str();
    EXPECT_EQ(*Back, K);
  }
  EXPECT_EQ(Seen.size(), 16u); // Every ReportType of clang 19's runtime.
  EXPECT_FALSE(tsanReportKindFromId("none").has_value());
  EXPECT_FALSE(tsanReportKindFromId("data race").has_value());
}

TEST(TsanReportKindTest, HeadersAsTheRuntimePrintsThem) {
  EXPECT_EQ(tsanReportKindFromHeader("data race"), TsanReportKind::DataRace);
  EXPECT_EQ(tsanReportKindFromHeader("lock-order-inversion (potential deadlock)"),
            TsanReportKind::LockOrderInversion);
  EXPECT_EQ(tsanReportKindFromHeader("heap-use-after-free (virtual call vs free)"),
            TsanReportKind::VptrUseAfterFree);
  EXPECT_EQ(tsanReportKindFromHeader(
                "use of an invalid mutex (e.g. uninitialized or destroyed)"),
            TsanReportKind::MutexInvalidAccess);
  // A header registered by a library through the external race API.
  EXPECT_EQ(tsanReportKindFromHeader("race on a library object"),
            TsanReportKind::ExternalRace);
  EXPECT_EQ(tsanReportKindFromHeader("something else"), TsanReportKind::Unknown);
}

} // namespace
