// Task graph for a data-processing job: each task is launched with
// std::async and first waits on the shared_futures of its dependencies,
// then reads their results. Results live in one slot per task, written only
// by that task; the dependency's future orders every read after the write.
#include <cstdio>
#include <future>
#include <string>
#include <utility>
#include <vector>

struct TaskSpec {
  std::string Name;
  std::vector<size_t> Deps; // always smaller ids: the specs are in topological order
  long Work;
};

class TaskGraph {
public:
  explicit TaskGraph(std::vector<TaskSpec> Specs)
      : Specs(std::move(Specs)), Results(this->Specs.size(), 0) {}

  long run() {
    std::vector<std::shared_future<void>> Done;
    for (size_t Id = 0; Id < Specs.size(); ++Id) {
      std::vector<std::shared_future<void>> Inputs;
      for (size_t Dep : Specs[Id].Deps)
        Inputs.push_back(Done[Dep]);
      Done.push_back(
          std::async(std::launch::async, &TaskGraph::execute, this, Id, std::move(Inputs)).share());
    }
    for (std::shared_future<void> &F : Done)
      F.get();
    return Results.back();
  }

private:
  void execute(size_t Id, std::vector<std::shared_future<void>> Inputs) {
    long Input = 0;
    for (size_t I = 0; I < Inputs.size(); ++I) {
      Inputs[I].wait();
      Input += Results[Specs[Id].Deps[I]];
    }
    long Acc = Input;
    for (long Step = 0; Step < Specs[Id].Work; ++Step)
      Acc = (Acc * 33 + Step) % 1000000007;
    Results[Id] = Acc;
    std::printf("%s done\n", Specs[Id].Name.c_str());
  }

  const std::vector<TaskSpec> Specs;
  std::vector<long> Results;
};

int main() {
  TaskGraph Graph({
      {"fetch-orders", {}, 300000},
      {"fetch-customers", {}, 200000},
      {"fetch-prices", {}, 250000},
      {"join-orders-customers", {0, 1}, 150000},
      {"price-orders", {3, 2}, 150000},
      {"daily-report", {4}, 50000},
  });
  std::printf("report checksum %ld\n", Graph.run());
}
