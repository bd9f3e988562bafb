// Dense matrix product C = A * B. The work is split along the inner
// dimension K, so every thread adds its partial products into all of C.
#include <cstdio>
#include <thread>
#include <vector>

using Matrix = std::vector<std::vector<double>>;

static Matrix makeMatrix(size_t Rows, size_t Cols, double Seed) {
  Matrix M(Rows, std::vector<double>(Cols));
  for (size_t I = 0; I < Rows; ++I)
    for (size_t J = 0; J < Cols; ++J)
      M[I][J] = Seed * double((I * 7 + J * 3) % 11) - 5.0;
  return M;
}

static void multiplyPartial(const Matrix &A, const Matrix &B, Matrix &C,
                            size_t KBegin, size_t KEnd) {
  const size_t N = A.size();
  const size_t M = B[0].size();
  for (size_t I = 0; I < N; ++I) {
    for (size_t J = 0; J < M; ++J) {
      double Acc = 0.0;
      for (size_t K = KBegin; K < KEnd; ++K)
        Acc += A[I][K] * B[K][J];
      C[I][J] += Acc; // expect-race: C
    }
  }
}

static double trace(const Matrix &M) {
  double T = 0;
  for (size_t I = 0; I < M.size() && I < M[I].size(); ++I)
    T += M[I][I];
  return T;
}

int main() {
  const size_t N = 96, K = 128, M = 96;
  Matrix A = makeMatrix(N, K, 0.5);
  Matrix B = makeMatrix(K, M, 1.5);
  Matrix C(N, std::vector<double>(M, 0.0));

  const unsigned NumThreads = 4;
  const size_t Step = K / NumThreads;
  std::vector<std::thread> Pool;
  for (unsigned T = 0; T < NumThreads; ++T) {
    size_t Begin = T * Step;
    size_t End = (T + 1 == NumThreads) ? K : Begin + Step;
    Pool.emplace_back([&A, &B, &C, Begin, End] {
      multiplyPartial(A, B, C, Begin, End);
    });
  }
  for (std::thread &T : Pool)
    T.join();

  std::printf("trace(C) = %.2f\n", trace(C));
  return 0;
}
