/* Matrix-vector product with pthreads: each thread gets its own argument
 * struct (row range and output pointer) and writes only its rows of the
 * result. Inputs are written before pthread_create, results read after
 * pthread_join. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define N 512
#define THREADS 4

static double Matrix[N][N];
static double Vector[N];
static double Result[N];

struct RowRange {
  int First;
  int Last;
  double *Out;
};

static void *multiplyRows(void *Arg) {
  struct RowRange *R = (struct RowRange *)Arg;
  for (int I = R->First; I < R->Last; ++I) {
    double Sum = 0;
    for (int J = 0; J < N; ++J)
      Sum += Matrix[I][J] * Vector[J];
    R->Out[I] = Sum;
  }
  return NULL;
}

int main(void) {
  for (int I = 0; I < N; ++I) {
    Vector[I] = 1.0 / (I + 1);
    for (int J = 0; J < N; ++J)
      Matrix[I][J] = (I == J) ? 2.0 : 0.01 * ((I + J) % 7);
  }
  pthread_t Ids[THREADS];
  struct RowRange *Ranges = malloc(sizeof(struct RowRange) * THREADS);
  if (!Ranges)
    return 1;
  for (int T = 0; T < THREADS; ++T) {
    Ranges[T].First = T * N / THREADS;
    Ranges[T].Last = (T + 1) * N / THREADS;
    Ranges[T].Out = Result;
    pthread_create(&Ids[T], NULL, multiplyRows, &Ranges[T]);
  }
  for (int T = 0; T < THREADS; ++T)
    pthread_join(Ids[T], NULL);
  double Norm = 0;
  for (int I = 0; I < N; ++I)
    Norm += Result[I] * Result[I];
  printf("|Ax|^2 = %f\n", Norm);
  free(Ranges);
  return 0;
}
