// clang-tidy test of racelab-dangling-capture.
#include <cstdio>
#include <thread>
#include <vector>

void start() {
  std::vector<int> Readings = {1, 2, 3};
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:20: note: 'Readings' declared here
  std::thread([&Readings] { std::printf("%zu\n", Readings.size()); }).detach();
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: warning: the thread started here uses local 'Readings' by reference, but it is detached and may still run when 'Readings' goes out of scope at line {{[0-9]+}}; it would use a dead object [racelab-dangling-capture]
  // CHECK-MESSAGES-DAG: :[[@LINE+3]]:1: note: 'Readings' ends here
  // CHECK-MESSAGES-DAG: :[[@LINE-3]]:59: note: the thread uses it here
  // CHECK-MESSAGES-DAG: :[[@LINE-4]]:3: note: to fix, capture 'Readings' by value (or move it into the thread), or join the thread instead of detaching it
}

void startWithACopy() {
  std::vector<int> Readings = {1, 2, 3};
  std::thread([Readings] { std::printf("%zu\n", Readings.size()); }).detach(); // silent
}

int main() {
  start();
  startWithACopy();
}
