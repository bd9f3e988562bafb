// Database connection pool: a counting semaphore bounds how many request
// threads hold a connection; the free list itself is under a mutex. A
// binary semaphore hands the final report from the last request thread to
// main.
#include <cstdio>
#include <mutex>
#include <semaphore>
#include <string>
#include <thread>
#include <vector>

struct Connection {
  int Id;
  long QueriesRun = 0;
};

class ConnectionPool {
public:
  explicit ConnectionPool(int N) : Available(N) {
    for (int I = 0; I < N; ++I)
      Conns.push_back(Connection{I});
    for (int I = 0; I < N; ++I)
      Free.push_back(&Conns[size_t(I)]);
  }

  Connection *acquire() {
    Available.acquire();
    std::lock_guard<std::mutex> L(M);
    Connection *C = Free.back();
    Free.pop_back();
    return C;
  }

  void release(Connection *C) {
    {
      std::lock_guard<std::mutex> L(M);
      Free.push_back(C);
    }
    Available.release();
  }

  long totalQueries() const {
    long T = 0;
    for (const Connection &C : Conns)
      T += C.QueriesRun;
    return T;
  }

private:
  std::counting_semaphore<16> Available;
  std::mutex M;
  std::vector<Connection> Conns;
  std::vector<Connection *> Free;
};

static std::string runQuery(Connection &C, int Req) {
  ++C.QueriesRun;
  return "row" + std::to_string((Req * 31 + C.Id) % 1000);
}

std::binary_semaphore ReportReady{0};
std::string FinalReport;

int main() {
  ConnectionPool Pool(3);
  std::vector<std::thread> Requests;
  for (int R = 0; R < 8; ++R)
    Requests.emplace_back([&Pool, R] {
      for (int Q = 0; Q < 100; ++Q) {
        Connection *C = Pool.acquire();
        std::string Row = runQuery(*C, R * 100 + Q);
        Pool.release(C);
        (void)Row;
      }
    });
  for (auto &T : Requests)
    T.join();

  std::thread Reporter([&Pool] {
    FinalReport = "queries: " + std::to_string(Pool.totalQueries());
    ReportReady.release();
  });
  ReportReady.acquire();
  std::printf("%s\n", FinalReport.c_str());
  Reporter.join();
  return 0;
}
