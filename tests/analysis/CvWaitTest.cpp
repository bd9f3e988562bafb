//===- CvWaitTest.cpp - Condition-variable waits without a predicate ------===//
//
// racelab-cv-wait-without-predicate: wait(lock) with no predicate and no
// loop re-checking the condition loses a notification sent before the
// wait and returns on a spurious wakeup. Silent for wait(lock, pred), for
// waits in a loop (also in a helper called from a loop), and for the
// timed waits, whose callers must look at the result anyway.
//
//===----------------------------------------------------------------------===//
#include "AnalysisTestHelper.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace racelab;
using namespace racelab::testing;
using ::testing::IsEmpty;
using ::testing::SizeIs;

namespace {

std::vector<CheckAt> cvWait(const std::string &Code) {
  return findingsOf(Code, "racelab-cv-wait-without-predicate");
}

/// A consumer waiting on CV for Ready with Body, and a producer.
std::string waiter(const std::string &Body, const char *Cv = "std::condition_variable") {
  return std::string("#include <condition_variable>\n#include <mutex>\n#include <thread>\n"
                     "std::mutex M;\n") +
         Cv +
         " CV;\nbool Ready;\nvoid consume() {\n  std::unique_lock<std::mutex> L(M);\n" +
         Body +
         "\n}\nint main() {\n  std::thread T(consume);\n"
         "  { std::lock_guard<std::mutex> L(M); Ready = true; }\n  CV.notify_one();\n"
         "  T.join();\n}\n";
}

TEST(CvWaitTest, BareWait) {
  std::string Code = waiter("  CV.wait(L); // WAIT");
  auto F = cvWait(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// WAIT"));
  EXPECT_EQ(F[0].Subject, "CV");
}

TEST(CvWaitTest, WaitCheckedOnceByAnIf) {
  std::string Code = waiter("  if (!Ready) // CHECK\n    CV.wait(L); // WAIT");
  auto F = cvWait(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// WAIT"));
  EXPECT_EQ(F[0].Lines.front(), lineOf(Code, "// CHECK"));
}

TEST(CvWaitTest, ConditionVariableAny) {
  std::string Code = waiter("  CV.wait(L); // WAIT", "std::condition_variable_any");
  EXPECT_THAT(cvWait(Code), SizeIs(1));
}

TEST(CvWaitTest, PthreadCondWait) {
  std::string Code = R"cpp(#include <pthread.h>
pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t CV = PTHREAD_COND_INITIALIZER;
int Ready;
void *consume(void *) {
  pthread_mutex_lock(&M);
  pthread_cond_wait(&CV, &M); // WAIT
  pthread_mutex_unlock(&M);
  return nullptr;
}
int main() {
  pthread_t T;
  pthread_create(&T, nullptr, consume, nullptr);
  pthread_mutex_lock(&M);
  Ready = 1;
  pthread_cond_signal(&CV);
  pthread_mutex_unlock(&M);
  pthread_join(T, nullptr);
}
)cpp";
  auto F = cvWait(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// WAIT"));
}

TEST(CvWaitTest, SilentWithAPredicate) {
  EXPECT_THAT(cvWait(waiter("  CV.wait(L, [] { return Ready; });")), IsEmpty());
}

TEST(CvWaitTest, SilentInAWhileOrForLoop) {
  EXPECT_THAT(cvWait(waiter("  while (!Ready)\n    CV.wait(L);")), IsEmpty());
  EXPECT_THAT(cvWait(waiter("  for (;;) {\n    if (Ready) break;\n    CV.wait(L);\n  }")),
              IsEmpty());
  EXPECT_THAT(cvWait(waiter("  do {\n    CV.wait(L);\n  } while (!Ready);")), IsEmpty());
}

TEST(CvWaitTest, SilentInAHelperCalledFromALoop) {
  EXPECT_THAT(cvWait(R"cpp(#include <condition_variable>
#include <mutex>
#include <thread>
std::mutex M;
std::condition_variable CV;
bool Ready;
void waitOnce(std::unique_lock<std::mutex> &L) { CV.wait(L); }
void consume() {
  std::unique_lock<std::mutex> L(M);
  while (!Ready)
    waitOnce(L);
}
int main() {
  std::thread T(consume);
  { std::lock_guard<std::mutex> L(M); Ready = true; }
  CV.notify_one();
  T.join();
}
)cpp"),
              IsEmpty());
}

TEST(CvWaitTest, SilentForTimedWaits) {
  EXPECT_THAT(
      cvWait(waiter("  CV.wait_for(L, std::chrono::milliseconds(10));\n  (void)Ready;")),
      IsEmpty());
}

// --- loops that do not re-check (found on held-out programs) -----------------

TEST(CvWaitTest, ALoopOverItemsIsNoReCheck) {
  // The loop goes round once per item; after the wait it pops at once.
  std::string Code = waiter("  for (int I = 0; I < 3; ++I) {\n"
                            "    CV.wait(L); // WAIT\n"
                            "    Ready = false;\n"
                            "  }");
  auto F = cvWait(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// WAIT"));
}

TEST(CvWaitTest, AnIfInsideALoopIsNoReCheck) {
  // The guard after the wait leaves on another condition; then the code
  // goes on as if Ready were true.
  std::string Code = waiter("  for (;;) {\n"
                            "    if (!Ready)\n"
                            "      CV.wait(L); // WAIT\n"
                            "    if (Ready && false) return;\n"
                            "    Ready = false;\n"
                            "  }");
  EXPECT_THAT(cvWait(Code), SizeIs(1));
  // Guards alone, then back to the top: a re-check.
  EXPECT_THAT(cvWait(waiter("  for (;;) {\n"
                            "    if (!Ready)\n"
                            "      CV.wait(L);\n"
                            "    if (Ready) return;\n"
                            "  }")),
              IsEmpty());
}

TEST(CvWaitTest, AHelperWithItsOwnLockIsNotCoveredByTheCallersLoop) {
  std::string Code = R"cpp(#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>
std::mutex M;
std::condition_variable CV;
std::queue<int> Jobs;
int take() {
  std::unique_lock<std::mutex> L(M);
  CV.wait(L); // WAIT
  int J = Jobs.front();
  Jobs.pop();
  return J;
}
int main() {
  std::thread T([] { for (int I = 0; I < 3; ++I) take(); });
  for (int I = 0; I < 3; ++I) {
    { std::lock_guard<std::mutex> L(M); Jobs.push(I); }
    CV.notify_one();
  }
  T.join();
}
)cpp";
  auto F = cvWait(Code);
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(F[0].Line, lineOf(Code, "// WAIT"));
}

TEST(CvWaitTest, SilentWhenTheNextStatementReChecks) {
  EXPECT_THAT(cvWait(waiter("  for (int I = 0; I < 3; ++I) {\n"
                            "    CV.wait(L);\n"
                            "    while (Ready) Ready = false;\n"
                            "  }")),
              IsEmpty());
  EXPECT_THAT(cvWait(waiter("  for (;;) {\n"
                            "    CV.wait(L);\n"
                            "    if (!Ready) continue;\n"
                            "    break;\n"
                            "  }")),
              IsEmpty());
}

} // namespace
