// Lint passes as functors: each functor holds a reference to its own Report,
// a distinct element of a vector sized before any thread starts. The
// summary is computed after all joins.
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct Report {
  int FilesChecked = 0;
  int Errors = 0;
};

class LintPass {
public:
  LintPass(std::vector<std::string> Files, Report &Out)
      : Files(std::move(Files)), Out(Out) {}

  void operator()() {
    for (const std::string &F : Files) {
      Out.Errors += check(F);
      Out.FilesChecked++;
    }
  }

private:
  static int check(const std::string &File) {
    int N = 0;
    for (char C : File)
      N += C == '_';
    return N;
  }

  std::vector<std::string> Files;
  Report &Out;
};

int main() {
  std::vector<std::vector<std::string>> Batches = {
      {"main_loop.cpp", "io_util.cpp"},
      {"net_socket.cpp", "tls.cpp", "dns_cache.cpp"},
      {"ui.cpp"}};
  std::vector<Report> Reports(Batches.size());
  std::vector<std::thread> Passes;
  for (size_t I = 0; I < Batches.size(); ++I)
    Passes.emplace_back(LintPass(Batches[I], Reports[I]));
  for (auto &P : Passes)
    P.join();
  Report Summary;
  for (const Report &R : Reports) {
    Summary.FilesChecked += R.FilesChecked;
    Summary.Errors += R.Errors;
  }
  std::printf("%d files, %d problems\n", Summary.FilesChecked, Summary.Errors);
}
