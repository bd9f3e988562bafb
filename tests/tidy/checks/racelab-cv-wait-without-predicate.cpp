// clang-tidy test of racelab-cv-wait-without-predicate, with its if ->
// while fix-it where the `if` holds nothing but the wait, and a note that
// says the fix everywhere else.
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex M;
std::condition_variable CV;
bool Ready;
int Items;

void consume() {
  std::unique_lock<std::mutex> L(M);
  CV.wait(L);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:6: warning: 'CV' is waited on without a predicate or a loop: a notification sent before the wait is lost, and a spurious wakeup returns with the condition still false; use wait(lock, predicate) [racelab-cv-wait-without-predicate]
  // CHECK-MESSAGES-DAG: :[[@LINE-2]]:6: note: to fix, wait in a loop that re-checks the condition under the lock: wait(lock, [&] { return condition; }), or 'while (!condition)' around pthread_cond_wait
}

void checkedOnce() {
  std::unique_lock<std::mutex> L(M);
  if (!Ready)
    CV.wait(L);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:8: warning: 'CV' is waited on without a predicate and checked only once
  // CHECK-FIXES: {{^}}  while (!Ready){{$}}
  // CHECK-FIXES-NEXT: {{^}}    CV.wait(L);{{$}}
}

void checkedOnceInBraces() {
  std::unique_lock<std::mutex> L(M);
  if (!Ready) {
    CV.wait(L);
  }
  // CHECK-MESSAGES-DAG: :[[@LINE-2]]:8: warning: 'CV' is waited on without a predicate and checked only once
  // CHECK-FIXES: {{^}}  while (!Ready) {{{$}}
}

void checkedOnceDoingMore() {
  std::unique_lock<std::mutex> L(M);
  if (Items == 0) {
    ++Items;
    CV.wait(L); // more in the `if` than the wait: a note, no edit
  }
  // CHECK-MESSAGES-DAG: :[[@LINE-2]]:8: warning: 'CV' is waited on without a predicate and checked only once
  // CHECK-MESSAGES-DAG: :[[@LINE-3]]:8: note: to fix, wait in a loop
  // CHECK-FIXES: {{^}}  if (Items == 0) {{{$}}
}

void checkedOnceWithElse() {
  std::unique_lock<std::mutex> L(M);
  if (!Ready)
    CV.wait(L);
  else
    Items = 0;
  // CHECK-MESSAGES-DAG: :[[@LINE-3]]:8: warning: 'CV' is waited on without a predicate and checked only once
  // CHECK-FIXES: {{^}}  if (!Ready){{$}}
}

void consumeCorrectly() {
  std::unique_lock<std::mutex> L(M);
  CV.wait(L, [] { return Ready; }); // silent: the predicate re-checks
  while (!Ready)
    CV.wait(L); // silent: the loop re-checks
}

int main() {
  std::thread T(consume), U(consumeCorrectly), V(checkedOnce), W(checkedOnceInBraces),
      X(checkedOnceDoingMore), Y(checkedOnceWithElse);
  {
    std::lock_guard<std::mutex> L(M);
    Ready = true;
  }
  CV.notify_all();
  T.join();
  U.join();
  V.join();
  W.join();
  X.join();
  Y.join();
}
