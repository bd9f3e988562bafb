// A report generator: main prepares the inputs before starting the worker,
// the worker fills the report, and main reads the report only after join().
// Then a second worker is started on the finished report.
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct Report {
  std::vector<std::string> Rows;
  double Total = 0;
  std::string Title;
};

std::vector<double> Sales;
Report Monthly;

void buildReport() {
  for (size_t I = 0; I < Sales.size(); ++I) {
    Monthly.Rows.push_back("day " + std::to_string(I + 1) + ": " +
                           std::to_string(Sales[I]));
    Monthly.Total += Sales[I];
  }
}

void renderReport(std::string &Out) {
  Out = "== " + Monthly.Title + " ==\n";
  for (const std::string &Row : Monthly.Rows)
    Out += Row + "\n";
  Out += "total: " + std::to_string(Monthly.Total) + "\n";
}

int main() {
  for (int Day = 0; Day < 30; ++Day)
    Sales.push_back(100.0 + Day * 3.5);
  Monthly.Title = "June";

  std::thread Builder(buildReport);
  Builder.join();
  Monthly.Title += " (final)";

  std::string Text;
  std::thread Renderer(renderReport, std::ref(Text));
  Renderer.join();
  std::fputs(Text.c_str(), stdout);
  Sales.clear();
}
