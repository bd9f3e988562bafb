// Multiplies two matrices by row blocks with std::async. Correct: each task
// writes only the rows of its own block of C, the inputs are read-only, and
// the flop counts come back through the futures instead of a shared counter.
#include <cstdio>
#include <functional>
#include <future>
#include <vector>

constexpr int N = 80;
constexpr int Blocks = 4;

struct Matrix {
  int Rows, Cols;
  std::vector<double> Data;
  Matrix(int R, int C) : Rows(R), Cols(C), Data(R * C, 0.0) {}
  double &at(int R, int C) { return Data[R * Cols + C]; }
  double at(int R, int C) const { return Data[R * Cols + C]; }
};

long multiplyRows(const Matrix &A, const Matrix &B, Matrix &Out, int Begin,
                  int End) {
  long Flops = 0;
  for (int I = Begin; I < End; ++I)
    for (int J = 0; J < B.Cols; ++J) {
      double Sum = 0;
      for (int K = 0; K < A.Cols; ++K)
        Sum += A.at(I, K) * B.at(K, J);
      Out.at(I, J) = Sum;
      Flops += 2L * A.Cols;
    }
  return Flops;
}

int main() {
  Matrix A(N, N), B(N, N), C(N, N);
  for (int I = 0; I < N; ++I)
    for (int J = 0; J < N; ++J) {
      A.at(I, J) = (I * J) % 5;
      B.at(I, J) = (I + 2 * J) % 3;
    }

  std::vector<std::future<long>> Parts;
  const int Rows = N / Blocks;
  for (int Bk = 0; Bk < Blocks; ++Bk)
    Parts.push_back(std::async(std::launch::async, multiplyRows, std::cref(A),
                               std::cref(B), std::ref(C), Bk * Rows,
                               (Bk + 1) * Rows));
  long Flops = 0;
  for (auto &F : Parts)
    Flops += F.get();

  double Sum = 0;
  for (double V : C.Data)
    Sum += V;
  std::printf("sum %.0f, %ld flops\n", Sum, Flops);
  return 0;
}
