// Multiplies two square matrices by row blocks, one std::thread per block.
// Races: every worker adds its multiply-add count to the shared plain
// counter FlopCount without any lock.
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

constexpr int N = 96;
constexpr int Workers = 4;

struct Matrix {
  int Rows, Cols;
  std::vector<double> Data;
  Matrix(int R, int C) : Rows(R), Cols(C), Data(R * C, 0.0) {}
  double &at(int R, int C) { return Data[R * Cols + C]; }
  double at(int R, int C) const { return Data[R * Cols + C]; }
};

long FlopCount = 0;

void multiplyBlock(const Matrix &A, const Matrix &B, Matrix &Out, int RowBegin,
                   int RowEnd) {
  for (int I = RowBegin; I < RowEnd; ++I) {
    for (int J = 0; J < B.Cols; ++J) {
      double Sum = 0;
      for (int K = 0; K < A.Cols; ++K)
        Sum += A.at(I, K) * B.at(K, J);
      Out.at(I, J) = Sum;
    }
    FlopCount += 2L * A.Cols * B.Cols; // expect-race: FlopCount
  }
}

int main() {
  Matrix A(N, N), B(N, N), C(N, N);
  for (int I = 0; I < N; ++I)
    for (int J = 0; J < N; ++J) {
      A.at(I, J) = (I + J) % 7;
      B.at(I, J) = (I == J) ? 2.0 : 0.0;
    }

  std::vector<std::thread> Pool;
  const int Block = N / Workers;
  for (int W = 0; W < Workers; ++W)
    Pool.emplace_back(multiplyBlock, std::cref(A), std::cref(B), std::ref(C),
                      W * Block, (W + 1) * Block);
  for (auto &T : Pool)
    T.join();

  double Trace = 0;
  for (int I = 0; I < N; ++I)
    Trace += C.at(I, I);
  std::printf("trace=%.1f flops=%ld\n", Trace, FlopCount);
  return 0;
}
