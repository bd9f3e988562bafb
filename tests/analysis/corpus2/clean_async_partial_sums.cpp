// Statistics over a large series: mean and variance in two passes, each
// pass split over std::async tasks that return their partial results.
#include <cmath>
#include <cstdio>
#include <future>
#include <numeric>
#include <vector>

struct Partial {
  double Sum = 0;
  double SumSq = 0;
  size_t Count = 0;
};

static Partial scan(const std::vector<double> &Xs, size_t Begin, size_t End, double Mean) {
  Partial P;
  for (size_t I = Begin; I < End; ++I) {
    double D = Xs[I] - Mean;
    P.Sum += Xs[I];
    P.SumSq += D * D;
    ++P.Count;
  }
  return P;
}

static std::vector<std::future<Partial>> launchPass(const std::vector<double> &Xs,
                                                    unsigned Parts, double Mean) {
  std::vector<std::future<Partial>> Futures;
  size_t Chunk = (Xs.size() + Parts - 1) / Parts;
  for (size_t Begin = 0; Begin < Xs.size(); Begin += Chunk) {
    size_t End = std::min(Xs.size(), Begin + Chunk);
    Futures.push_back(std::async(std::launch::async, [&Xs, Begin, End, Mean] {
      return scan(Xs, Begin, End, Mean);
    }));
  }
  return Futures;
}

static Partial combine(std::vector<std::future<Partial>> &Futures) {
  Partial Total;
  for (auto &F : Futures) {
    Partial P = F.get();
    Total.Sum += P.Sum;
    Total.SumSq += P.SumSq;
    Total.Count += P.Count;
  }
  return Total;
}

int main() {
  std::vector<double> Xs(1 << 18);
  for (size_t I = 0; I < Xs.size(); ++I)
    Xs[I] = std::sin(double(I) * 0.001) * 10.0 + double(I % 17);

  auto Pass1 = launchPass(Xs, 4, 0.0);
  Partial First = combine(Pass1);
  double Mean = First.Sum / double(First.Count);

  auto Pass2 = launchPass(Xs, 4, Mean);
  std::future<double> Check = std::async(std::launch::deferred, [&Xs] {
    return std::accumulate(Xs.begin(), Xs.end(), 0.0);
  });
  Partial Second = combine(Pass2);
  double Var = Second.SumSq / double(Second.Count);

  std::printf("mean %.4f stddev %.4f (check %.1f)\n", Mean, std::sqrt(Var), Check.get());
  return 0;
}
