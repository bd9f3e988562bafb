//===- GradeReport.cpp - A grade in the formats platforms read ------------===//
#include "GradeReport.h"

#include "XmlText.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace {

const char *status(const CriterionResult &C) { return C.Passed ? "passed" : "failed"; }

std::string points(double P) { return shortNumber(P); }

std::string summaryLine(const GradeResult &R) {
  return "Score " + points(R.Score) + " / " + points(R.MaxScore) + " for " + R.LabTitle +
         " (" + R.LabId + "); sandbox: " + R.SandboxText + ".";
}

} // namespace

std::optional<GradeFormat> gradeFormatFromName(llvm::StringRef Name) {
  if (Name == "gradescope")
    return GradeFormat::Gradescope;
  if (Name == "json")
    return GradeFormat::Json;
  if (Name == "junit")
    return GradeFormat::JUnit;
  if (Name == "text")
    return GradeFormat::Text;
  return std::nullopt;
}

llvm::json::Value gradescopeJSON(const GradeResult &R) {
  llvm::json::Array Tests;
  for (const CriterionResult &C : R.Criteria)
    Tests.push_back(llvm::json::Object{{"name", C.Name},
                                       {"score", C.Score},
                                       {"max_score", C.MaxScore},
                                       {"status", status(C)},
                                       {"visibility", visibilityId(C.Visible)},
                                       {"output", C.Feedback},
                                       {"output_format", "text"}});
  return llvm::json::Object{{"score", R.Score},
                            {"max_score", R.MaxScore},
                            {"output", summaryLine(R)},
                            {"output_format", "text"},
                            {"execution_time", R.TotalSeconds},
                            {"tests", std::move(Tests)}};
}

llvm::json::Value gradeJSON(const GradeResult &R) {
  llvm::json::Array Criteria;
  for (const CriterionResult &C : R.Criteria)
    Criteria.push_back(llvm::json::Object{{"id", criterionId(C.Check)},
                                          {"name", C.Name},
                                          {"score", C.Score},
                                          {"max_score", C.MaxScore},
                                          {"status", status(C)},
                                          {"visibility", visibilityId(C.Visible)},
                                          {"feedback", C.Feedback}});
  return llvm::json::Object{
      {"version", 1},
      {"lab", R.LabId},
      {"title", R.LabTitle},
      {"submission", R.Submission},
      {"score", R.Score},
      {"max_score", R.MaxScore},
      {"sandbox", R.SandboxText},
      {"timing", llvm::json::Object{{"build_seconds", R.BuildSeconds},
                                    {"run_seconds", R.RunSeconds},
                                    {"racecheck_seconds", R.RacecheckSeconds},
                                    {"total_seconds", R.TotalSeconds}}},
      {"peak_rss_kb", R.PeakRssKb},
      {"criteria", std::move(Criteria)}};
}

void printGradeJUnit(llvm::raw_ostream &OS, const GradeResult &R) {
  unsigned Failures = llvm::count_if(R.Criteria, [](const CriterionResult &C) {
    return !C.Passed;
  });
  OS << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  OS << llvm::formatv("<testsuites name=\"racelab grade\" tests=\"{0}\" failures=\"{1}\" "
                      "time=\"{2:F3}\">\n",
                      R.Criteria.size(), Failures, R.TotalSeconds);
  OS << llvm::formatv("  <testsuite name=\"{0}\" tests=\"{1}\" failures=\"{2}\" "
                      "time=\"{3:F3}\">\n",
                      xmlEscape(R.LabId), R.Criteria.size(), Failures, R.TotalSeconds);
  OS << "    <properties>\n";
  OS << "      <property name=\"score\" value=\"" << points(R.Score) << "\"/>\n";
  OS << "      <property name=\"max_score\" value=\"" << points(R.MaxScore) << "\"/>\n";
  OS << "      <property name=\"sandbox\" value=\"" << xmlEscape(R.SandboxText) << "\"/>\n";
  OS << "    </properties>\n";
  for (const CriterionResult &C : R.Criteria) {
    OS << "    <testcase classname=\"" << xmlEscape(R.LabId) << "\" name=\""
       << xmlEscape(criterionId(C.Check)) << ": " << xmlEscape(C.Name) << " ("
       << points(C.Score) << "/" << points(C.MaxScore) << ")\">\n";
    if (!C.Passed)
      OS << "      <failure message=\"" << xmlEscape(C.Name) << "\">"
         << xmlEscape(C.Feedback) << "</failure>\n";
    else
      OS << "      <system-out>" << xmlEscape(C.Feedback) << "</system-out>\n";
    OS << "    </testcase>\n";
  }
  OS << "  </testsuite>\n</testsuites>\n";
}

void printGradeText(llvm::raw_ostream &OS, const GradeResult &R) {
  OS << R.LabTitle << " (" << R.LabId << "): " << R.Submission << "\n";
  OS << "Score: " << points(R.Score) << " / " << points(R.MaxScore) << "\n";
  OS << "Sandbox: " << R.SandboxText << "\n\n";
  for (const CriterionResult &C : R.Criteria) {
    OS << llvm::formatv("[{0}] {1,5} / {2,-4} {3}", C.Passed ? "PASS" : "FAIL",
                        points(C.Score), points(C.MaxScore), C.Name);
    if (C.Visible != Visibility::Visible)
      OS << "  (shown to students: " << visibilityId(C.Visible) << ")";
    OS << "\n";
    llvm::SmallVector<llvm::StringRef, 16> Lines;
    llvm::StringRef(C.Feedback).rtrim().split(Lines, '\n');
    for (llvm::StringRef Line : Lines)
      OS << "       " << Line << "\n";
  }
  OS << llvm::formatv("\nTime: {0:F1} s (build {1:F1} s, runs {2:F1} s, racecheck {3:F1} s); "
                      "largest process tree {4} MB\n",
                      R.TotalSeconds, R.BuildSeconds, R.RunSeconds, R.RacecheckSeconds,
                      R.PeakRssKb / 1024);
}

llvm::Error writeGradeReport(const GradeResult &R, GradeFormat Format,
                             llvm::StringRef Path) {
  return llvm::writeToOutput(Path.empty() ? "-" : Path, [&](llvm::raw_ostream &OS) {
    switch (Format) {
    case GradeFormat::Gradescope:
      OS << llvm::formatv("{0:2}", gradescopeJSON(R)) << "\n";
      break;
    case GradeFormat::Json:
      OS << llvm::formatv("{0:2}", gradeJSON(R)) << "\n";
      break;
    case GradeFormat::JUnit:
      printGradeJUnit(OS, R);
      break;
    case GradeFormat::Text:
      printGradeText(OS, R);
      break;
    }
    return llvm::Error::success();
  });
}

} // namespace racelab
