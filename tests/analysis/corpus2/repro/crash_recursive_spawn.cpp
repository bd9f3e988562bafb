// CRASH (clean_parallel_merge_sort.cpp): a function that starts a thread
// running itself (recursive fork/join) is expanded without bound: racecheck
// allocates until it dies ("LLVM ERROR: out of memory", SIGABRT; 15 GB and
// 1:52 min for the corpus file, ~2 GB under `ulimit -v 3000000`). The same
// happens with std::async. Clean program: every child is joined before the
// parent's write.
#include <thread>
static int Total;
static void walk(int Depth) {
  if (Depth > 0) {
    std::thread Child(walk, Depth - 1);
    Child.join();
  }
  Total = Depth;
}
int main() { walk(3); }
