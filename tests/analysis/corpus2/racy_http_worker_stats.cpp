// A toy HTTP server: the acceptor pushes requests into a queue, a pool of
// workers renders pages and records statistics.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Request {
  int Id = 0;
  std::string Path;
};

struct ServerStats {
  unsigned long Requests = 0;
  unsigned long BytesServed = 0;
  unsigned long NotFound = 0;
};

static ServerStats Stats;
static std::mutex StatsMutex;

class RequestQueue {
public:
  void push(Request R) {
    {
      std::lock_guard<std::mutex> L(M);
      Items.push_back(std::move(R));
    }
    CV.notify_one();
  }

  bool pop(Request &Out) {
    std::unique_lock<std::mutex> L(M);
    CV.wait(L, [this] { return !Items.empty() || Closed; });
    if (Items.empty())
      return false;
    Out = std::move(Items.front());
    Items.pop_front();
    return true;
  }

  void close() {
    {
      std::lock_guard<std::mutex> L(M);
      Closed = true;
    }
    CV.notify_all();
  }

private:
  std::mutex M;
  std::condition_variable CV;
  std::deque<Request> Items;
  bool Closed = false;
};

static std::string renderPage(const std::string &Path) {
  if (Path == "/")
    return "<html><body>Welcome</body></html>";
  if (Path.rfind("/static/", 0) == 0)
    return std::string(512, 'x');
  return "";
}

static void recordResponse(size_t Bytes, bool Found) {
  {
    std::lock_guard<std::mutex> L(StatsMutex);
    Stats.Requests++;
    if (!Found)
      Stats.NotFound++;
  }
  Stats.BytesServed += Bytes; // expect-race: BytesServed
}

static void handle(const Request &R) {
  std::string Body = renderPage(R.Path);
  recordResponse(Body.size(), !Body.empty());
}

static void workerLoop(RequestQueue &Q) {
  Request R;
  while (Q.pop(R))
    handle(R);
}

int main() {
  RequestQueue Queue;
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back(workerLoop, std::ref(Queue));

  const char *Paths[] = {"/", "/static/app.js", "/missing", "/static/logo.png"};
  for (int I = 0; I < 1000; ++I)
    Queue.push(Request{I, Paths[I % 4]});
  Queue.close();

  for (auto &W : Workers)
    W.join();
  std::lock_guard<std::mutex> L(StatsMutex);
  std::printf("requests=%lu bytes=%lu 404=%lu\n", Stats.Requests,
              Stats.BytesServed, Stats.NotFound);
  return 0;
}
