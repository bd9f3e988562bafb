//===- ReportPrinterTest.cpp - TSan reports shown to people ---------------===//
//
// A lock-order inversion is shown with both acquisitions of every edge of
// the cycle (where the held mutex was taken, and where the other one is
// asked for under it), each stack starting at the program's own frame.
//
//===----------------------------------------------------------------------===//
#include "ReportPrinter.h"
#include "TsanReportParser.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using ::testing::HasSubstr;

namespace {

std::string printed(const std::string &Log) {
  auto Buffer = llvm::MemoryBuffer::getFile(std::string(RACELAB_TEST_FIXTURES) +
                                            "/tsan/recorded/" + Log);
  EXPECT_TRUE(static_cast<bool>(Buffer)) << Log;
  if (!Buffer)
    return {};
  TsanLog Parsed = parseTsanLog((*Buffer)->getBuffer());
  EXPECT_EQ(Parsed.Reports.size(), 1u);
  FrameFilter Filter;
  ReportPrinter Printer(Filter, PrintOptions{2, "/src"});
  std::string S;
  llvm::raw_string_ostream OS(S);
  for (const TsanReport &R : Parsed.Reports)
    Printer.printText(OS, R);
  return S;
}

TEST(ReportPrinterTest, LockOrderInversionShowsBothAcquisitions) {
  EXPECT_THAT(printed("lock_order_second_stack.log"),
              HasSubstr("lock-order-inversion (potential deadlock)\n"
                        "  lock cycle: M0 -> M1 -> M0\n"
                        "  thread T1 locks M1 while holding M0\n"
                        "      at fixtures/lock_order.cpp:7:80 in lockAB()\n"
                        "      called from fixtures/lock_order.cpp:10:23 in "
                        "main::$_0::operator()() const\n"
                        "    M0 was locked\n"
                        "      at fixtures/lock_order.cpp:7:45 in lockAB()\n"
                        "      called from fixtures/lock_order.cpp:10:23 in "
                        "main::$_0::operator()() const\n"
                        "  thread T2 locks M0 while holding M1\n"
                        "      at fixtures/lock_order.cpp:8:80 in lockBA()\n"
                        "      called from fixtures/lock_order.cpp:11:37 in "
                        "main::$_1::operator()() const\n"
                        "    M1 was locked\n"
                        "      at fixtures/lock_order.cpp:8:45 in lockBA()\n"));
}

TEST(ReportPrinterTest, MissingSecondStackIsExplained) {
  std::string Text = printed("lock_order.log");
  EXPECT_THAT(Text, HasSubstr("  thread T1 locks M1 while holding M0\n"
                              "      at fixtures/lock_order.cpp:7:80 in lockAB()\n"));
  EXPECT_THAT(Text, HasSubstr("    M0 was locked\n      (not in the report: TSan "
                              "prints it with second_deadlock_stack=1)\n"));
}

} // namespace
