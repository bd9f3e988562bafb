// clang-tidy test of racelab-unjoined-thread, with its std::jthread fix-it
// (C++20) and the cases where changing the type alone would not be the
// fix, which get a note instead.
#include <thread>
#include <utility>

void work() {}
bool failed(int X) { return X < 0; }
void finish(std::thread T) { T.join(); }

int early(int X) {
  std::thread T(work);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:15: warning: std::thread 'T' is destroyed by the return at line {{[0-9]+}} while still joinable, which calls std::terminate; join or detach it on every path (std::jthread joins by itself) [racelab-unjoined-thread]
  // CHECK-FIXES: {{^}}  std::jthread T(work);{{$}}
  if (failed(X))
    return 1;
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: note: 'T' is still joinable here
  T.join();
  return 0;
}

int copyInitialised(int X) {
  std::thread T = std::thread(work);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:15: warning: std::thread 'T' is destroyed by the return
  // CHECK-MESSAGES-DAG: :[[@LINE-2]]:15: note: to fix, join 'T' before line {{[0-9]+}}, or declare it std::jthread
  // CHECK-FIXES: {{^}}  std::thread T = std::thread(work);{{$}}
  if (failed(X))
    return 1;
  T.join();
  return 0;
}

int handedOn(int X) {
  std::thread T(work);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:15: warning: std::thread 'T' is destroyed by the return
  // CHECK-FIXES: {{^}}  std::thread T(work);{{$}}
  if (failed(X))
    return 1;
  finish(std::move(T)); // needs a std::thread: no fix-it
  return 0;
}

int genericCallable(int X) {
  std::thread T([](auto...) { work(); });
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:15: warning: std::thread 'T' is destroyed by the return
  // CHECK-FIXES: {{^}}  std::thread T([](auto...) { work(); });{{$}}
  if (failed(X))
    return 1;
  T.join();
  return 0;
}

int joined(int X) {
  std::thread T(work); // silent: joined on every path
  // CHECK-FIXES: {{^}}  std::thread T(work); // silent: joined on every path{{$}}
  if (failed(X)) {
    T.join();
    return 1;
  }
  T.join();
  return 0;
}

int main() {
  return early(1) + copyInitialised(1) + handedOn(1) + genericCallable(1) + joined(1);
}
