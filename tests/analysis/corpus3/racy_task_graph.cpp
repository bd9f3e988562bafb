// Build-system style task graph: a task runs when all of its dependencies
// have finished. Roots are launched with std::async; whoever finishes the
// last dependency of a task runs it inline. The dependency counters are
// plain ints.
#include <cstdio>
#include <future>
#include <mutex>
#include <string>
#include <vector>

struct Task {
  std::string Name;
  long Cost;
  std::vector<int> Dependents;
  int PendingDeps = 0;
};

class TaskGraph {
public:
  int add(std::string Name, long Cost) {
    Tasks.push_back(Task{std::move(Name), Cost, {}, 0});
    return static_cast<int>(Tasks.size()) - 1;
  }

  void dependsOn(int Id, int Dep) {
    Tasks[Dep].Dependents.push_back(Id);
    ++Tasks[Id].PendingDeps;
  }

  void run() {
    std::vector<std::future<void>> Roots;
    for (int Id = 0; Id < static_cast<int>(Tasks.size()); ++Id)
      if (Tasks[Id].PendingDeps == 0) // expect-race: PendingDeps read while launched roots decrement
        Roots.push_back(std::async(std::launch::async, &TaskGraph::execute, this, Id));
    for (auto &F : Roots)
      F.get();
  }

  void printOrder() {
    std::lock_guard<std::mutex> Lock(LogMutex);
    for (const std::string &Step : Finished)
      std::printf("%s\n", Step.c_str());
  }

private:
  void execute(int Id) {
    const Task &T = Tasks[Id];
    long Acc = 0;
    for (long I = 0; I < T.Cost; ++I)
      Acc += (I * 31) % 7;
    {
      std::lock_guard<std::mutex> Lock(LogMutex);
      Finished.push_back(T.Name + " -> " + std::to_string(Acc));
    }
    for (int Dep : T.Dependents)
      if (--Tasks[Dep].PendingDeps == 0) // expect-race: PendingDeps two finishing tasks decrement together
        execute(Dep);
  }

  std::vector<Task> Tasks;
  std::mutex LogMutex;
  std::vector<std::string> Finished;
};

int main() {
  TaskGraph Graph;
  int Parse = Graph.add("parse", 200000);
  int Lex = Graph.add("generate-lexer", 150000);
  int Compile = Graph.add("compile", 300000);
  int Assets = Graph.add("pack-assets", 250000);
  int Link = Graph.add("link", 100000);
  Graph.dependsOn(Compile, Parse);
  Graph.dependsOn(Compile, Lex);
  Graph.dependsOn(Link, Compile);
  Graph.dependsOn(Link, Assets);
  Graph.run();
  Graph.printOrder();
}
