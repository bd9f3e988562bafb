// Invoice pricing on a small hand-written thread pool of packaged_tasks.
// Jobs read a price table and an order list that are built before the pool
// starts and never modified; each job's total comes back through its future.
// The job queue and the shutdown flag are guarded by the pool mutex.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(size_t NumWorkers) {
    for (size_t I = 0; I < NumWorkers; ++I)
      Workers.emplace_back(&ThreadPool::workerLoop, this);
  }

  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      ShuttingDown = true;
    }
    HasWork.notify_all();
    for (std::thread &W : Workers)
      W.join();
  }

  std::future<double> submit(std::packaged_task<double()> Task) {
    std::future<double> Result = Task.get_future();
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Queue.push_back(std::move(Task));
    }
    HasWork.notify_one();
    return Result;
  }

private:
  void workerLoop() {
    for (;;) {
      std::packaged_task<double()> Task;
      {
        std::unique_lock<std::mutex> Lock(Mutex);
        HasWork.wait(Lock, [this] { return ShuttingDown || !Queue.empty(); });
        if (Queue.empty())
          return;
        Task = std::move(Queue.front());
        Queue.pop_front();
      }
      Task();
    }
  }

  std::mutex Mutex;
  std::condition_variable HasWork;
  std::deque<std::packaged_task<double()>> Queue;
  bool ShuttingDown = false;
  std::vector<std::thread> Workers;
};

struct OrderLine {
  std::string Sku;
  int Quantity;
};

static double priceInvoice(const std::map<std::string, double> &Prices,
                           const std::vector<OrderLine> &Lines, size_t Begin, size_t End) {
  double Total = 0;
  for (size_t I = Begin; I < End; ++I)
    Total += Prices.at(Lines[I].Sku) * Lines[I].Quantity;
  return Total;
}

int main() {
  const std::map<std::string, double> Prices{
      {"paper-a4", 4.99}, {"toner-black", 59.0}, {"stapler", 12.5}, {"pens-10", 3.25}};
  std::vector<OrderLine> Lines;
  const char *Skus[] = {"paper-a4", "toner-black", "stapler", "pens-10"};
  for (int I = 0; I < 4000; ++I)
    Lines.push_back({Skus[I % 4], 1 + I % 7});

  std::vector<std::future<double>> Invoices;
  {
    ThreadPool Pool(3);
    for (size_t Begin = 0; Begin < Lines.size(); Begin += 250) {
      size_t End = std::min(Lines.size(), Begin + 250);
      Invoices.push_back(Pool.submit(std::packaged_task<double()>(
          [&Prices, &Lines, Begin, End] { return priceInvoice(Prices, Lines, Begin, End); })));
    }
    double Grand = 0;
    for (std::future<double> &F : Invoices)
      Grand += F.get();
    std::printf("%zu invoices, grand total %.2f\n", Invoices.size(), Grand);
  }
}
