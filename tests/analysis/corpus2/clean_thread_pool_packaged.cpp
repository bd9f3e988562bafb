// A small hand-written thread pool. submit() wraps the callable in a
// packaged_task and returns its future; the caller collects results with
// get(). Used to checksum blocks of a buffer in parallel.
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      Workers.emplace_back([this] { run(); });
  }

  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> L(M);
      Stopping = true;
    }
    CV.notify_all();
    for (auto &W : Workers)
      W.join();
  }

  template <class F> auto submit(F Fn) -> std::future<decltype(Fn())> {
    using R = decltype(Fn());
    auto Task = std::make_shared<std::packaged_task<R()>>(std::move(Fn));
    std::future<R> Result = Task->get_future();
    {
      std::lock_guard<std::mutex> L(M);
      Tasks.push([Task] { (*Task)(); });
    }
    CV.notify_one();
    return Result;
  }

private:
  void run() {
    for (;;) {
      std::function<void()> Job;
      {
        std::unique_lock<std::mutex> L(M);
        CV.wait(L, [this] { return Stopping || !Tasks.empty(); });
        if (Stopping && Tasks.empty())
          return;
        Job = std::move(Tasks.front());
        Tasks.pop();
      }
      Job();
    }
  }

  std::vector<std::thread> Workers;
  std::queue<std::function<void()>> Tasks;
  std::mutex M;
  std::condition_variable CV;
  bool Stopping = false;
};

static uint32_t adler32(const std::vector<uint8_t> &Data, size_t Begin, size_t End) {
  uint32_t A = 1, B = 0;
  for (size_t I = Begin; I < End; ++I) {
    A = (A + Data[I]) % 65521;
    B = (B + A) % 65521;
  }
  return (B << 16) | A;
}

int main() {
  std::vector<uint8_t> Buffer(1 << 20);
  for (size_t I = 0; I < Buffer.size(); ++I)
    Buffer[I] = uint8_t(I * 2654435761u >> 24);

  ThreadPool Pool(3);
  const size_t Block = 64 * 1024;
  std::vector<std::future<uint32_t>> Sums;
  for (size_t Off = 0; Off < Buffer.size(); Off += Block)
    Sums.push_back(Pool.submit([&Buffer, Off, Block] {
      return adler32(Buffer, Off, Off + Block);
    }));

  uint32_t Combined = 0;
  for (auto &F : Sums)
    Combined ^= F.get();
  std::printf("combined block checksum %08x\n", Combined);
  return 0;
}
