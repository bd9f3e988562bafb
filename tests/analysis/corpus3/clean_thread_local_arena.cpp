// Request-line parser benchmark: every worker parses HTTP request lines with
// a thread_local scratch buffer, so no scratch memory is shared. Workers are
// pthreads started from C++; a std::latch releases them all at once, and
// each writes its result only into its own slot.
#include <cstdio>
#include <cstring>
#include <latch>
#include <pthread.h>
#include <string>
#include <vector>

constexpr int NumWorkers = 4;

thread_local std::vector<char> Scratch;
thread_local long LinesParsedHere = 0;

struct ParseResult {
  long Requests = 0;
  long Gets = 0;
  long PathBytes = 0;
};

struct WorkerArgs {
  size_t First;
  const std::vector<std::string> *Lines;
  std::latch *StartGate;
  ParseResult *Out;
};

// Splits "METHOD /path HTTP/1.1" in the thread's scratch buffer.
static bool parseRequestLine(const std::string &Line, std::string &Method, std::string &Path) {
  Scratch.assign(Line.begin(), Line.end());
  Scratch.push_back('\0');
  char *Space1 = std::strchr(Scratch.data(), ' ');
  if (!Space1)
    return false;
  *Space1 = '\0';
  char *Space2 = std::strchr(Space1 + 1, ' ');
  if (!Space2)
    return false;
  *Space2 = '\0';
  Method = Scratch.data();
  Path = Space1 + 1;
  ++LinesParsedHere;
  return true;
}

static void *workerMain(void *Raw) {
  const WorkerArgs *Args = static_cast<const WorkerArgs *>(Raw);
  Args->StartGate->arrive_and_wait();
  ParseResult Local;
  std::string Method, Path;
  for (size_t I = Args->First; I < Args->Lines->size(); I += NumWorkers) {
    if (!parseRequestLine((*Args->Lines)[I], Method, Path))
      continue;
    ++Local.Requests;
    Local.Gets += Method == "GET";
    Local.PathBytes += static_cast<long>(Path.size());
  }
  *Args->Out = Local;
  return nullptr;
}

int main() {
  std::vector<std::string> Lines;
  const char *Methods[] = {"GET", "POST", "GET", "PUT", "GET"};
  for (int I = 0; I < 20000; ++I)
    Lines.push_back(std::string(Methods[I % 5]) + " /api/v1/items/" + std::to_string(I) + " HTTP/1.1");

  std::latch StartGate(NumWorkers + 1);
  std::vector<ParseResult> Results(NumWorkers);
  std::vector<WorkerArgs> Args;
  for (size_t W = 0; W < NumWorkers; ++W)
    Args.push_back({W, &Lines, &StartGate, &Results[W]});
  pthread_t Threads[NumWorkers];
  for (int W = 0; W < NumWorkers; ++W)
    pthread_create(&Threads[W], nullptr, workerMain, &Args[W]);
  StartGate.arrive_and_wait();
  for (int W = 0; W < NumWorkers; ++W)
    pthread_join(Threads[W], nullptr);

  ParseResult Total;
  for (const ParseResult &R : Results) {
    Total.Requests += R.Requests;
    Total.Gets += R.Gets;
    Total.PathBytes += R.PathBytes;
  }
  std::printf("%ld requests, %ld GETs, %ld path bytes\n", Total.Requests, Total.Gets, Total.PathBytes);
}
