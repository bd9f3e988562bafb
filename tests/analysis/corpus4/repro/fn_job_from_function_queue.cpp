// From racy_pool_results_vector.cpp (FN on Results, line 73). Workers pop
// std::function jobs from a locked queue and call them; the jobs' unlocked appends
// are missed: Job() is not followed. Control: controls/ok_job_number_queue.cpp.
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

std::vector<int> Results;
std::mutex M;
std::queue<std::function<void()>> Jobs;

void work() {
  for (;;) {
    std::unique_lock<std::mutex> L(M);
    if (Jobs.empty()) return;
    std::function<void()> Job = std::move(Jobs.front());
    Jobs.pop();
    L.unlock();
    Job();
  }
}

int main() {
  for (int B = 0; B < 100000; ++B)
    Jobs.push([B] { Results.push_back(B); }); // expect-race: Results
  std::thread A(work), C(work);
  A.join(); C.join();
}
