/* Row-parallel matrix-vector product with pthreads. Every worker writes its
 * own rows of the result, and bumps a shared progress counter. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define N 512
#define WORKERS 4

static double matrix[N][N];
static double vector_in[N];
static double vector_out[N];
static int rows_done;

struct job {
  int first_row;
  int last_row; /* exclusive */
};

static double dot_row(int row) {
  double acc = 0.0;
  for (int j = 0; j < N; ++j)
    acc += matrix[row][j] * vector_in[j];
  return acc;
}

static void *worker(void *arg) {
  struct job *jb = (struct job *)arg;
  for (int r = jb->first_row; r < jb->last_row; ++r) {
    vector_out[r] = dot_row(r);
    rows_done++; /* expect-race: rows_done */
  }
  return NULL;
}

static void init(void) {
  for (int i = 0; i < N; ++i) {
    vector_in[i] = 1.0 / (i + 1);
    for (int j = 0; j < N; ++j)
      matrix[i][j] = (double)((i + j) % 7);
  }
}

int main(void) {
  pthread_t tids[WORKERS];
  struct job *jobs = calloc(WORKERS, sizeof *jobs);
  if (!jobs)
    return 1;
  init();
  int chunk = N / WORKERS;
  for (int w = 0; w < WORKERS; ++w) {
    jobs[w].first_row = w * chunk;
    jobs[w].last_row = (w == WORKERS - 1) ? N : (w + 1) * chunk;
    pthread_create(&tids[w], NULL, worker, &jobs[w]);
  }
  for (int w = 0; w < WORKERS; ++w)
    pthread_join(tids[w], NULL);

  double norm = 0.0;
  for (int i = 0; i < N; ++i)
    norm += vector_out[i] * vector_out[i];
  printf("rows done: %d, |y|^2 = %.3f\n", rows_done, norm);
  free(jobs);
  return 0;
}
