// Control for fn_job_from_function_queue.cpp: the same workers, but the queue
// holds block numbers and the worker appends to 'Results' itself: reported.
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

std::vector<int> Results;
std::mutex M;
std::queue<int> Jobs;

void work() {
  for (;;) {
    std::unique_lock<std::mutex> L(M);
    if (Jobs.empty()) return;
    int Job = Jobs.front();
    Jobs.pop();
    L.unlock();
    Results.push_back(Job); // expect-race: Results
  }
}

int main() {
  for (int B = 0; B < 100000; ++B)
    Jobs.push(B);
  std::thread A(work), C(work);
  A.join(); C.join();
}
