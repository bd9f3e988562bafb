// Work is described by a functor that keeps a reference to the report it
// fills in. One functor object per thread is created, but they all refer to
// the same Report, and each updates its error count directly.
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
      int Problems = check(F);
      Out.Errors += Problems; // expect-race: Errors
      Out.FilesChecked++; // expect-race: FilesChecked
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
  Report Summary;
  std::vector<std::thread> Passes;
  Passes.emplace_back(LintPass({"main_loop.cpp", "io_util.cpp"}, Summary));
  Passes.emplace_back(LintPass({"net_socket.cpp", "tls.cpp", "dns_cache.cpp"}, Summary));
  Passes.emplace_back(LintPass({"ui.cpp"}, Summary));
  for (auto &P : Passes)
    P.join();
  std::printf("%d files, %d problems\n", Summary.FilesChecked, Summary.Errors);
}
