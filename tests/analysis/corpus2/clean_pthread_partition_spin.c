/* Parallel dot product: each thread computes a partial result into its own
 * argument struct; a spinlock protects the shared progress counter. Main
 * adds the partials after pthread_join. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define LEN 400000
#define THREADS 4

struct part {
  const double *a;
  const double *b;
  size_t begin, end;
  double result;
};

static pthread_spinlock_t progress_lock;
static int parts_finished;

static void *partial_dot(void *arg) {
  struct part *p = arg;
  double acc = 0.0;
  for (size_t i = p->begin; i < p->end; ++i)
    acc += p->a[i] * p->b[i];
  p->result = acc;
  pthread_spin_lock(&progress_lock);
  parts_finished++;
  pthread_spin_unlock(&progress_lock);
  return NULL;
}

int main(void) {
  double *a = malloc(LEN * sizeof *a);
  double *b = malloc(LEN * sizeof *b);
  if (!a || !b)
    return 1;
  for (size_t i = 0; i < LEN; ++i) {
    a[i] = (double)(i % 100) / 100.0;
    b[i] = 1.0 - a[i];
  }
  pthread_spin_init(&progress_lock, PTHREAD_PROCESS_PRIVATE);

  pthread_t tids[THREADS];
  struct part parts[THREADS];
  size_t chunk = LEN / THREADS;
  for (int t = 0; t < THREADS; ++t) {
    parts[t].a = a;
    parts[t].b = b;
    parts[t].begin = t * chunk;
    parts[t].end = t == THREADS - 1 ? LEN : (t + 1) * chunk;
    parts[t].result = 0.0;
    pthread_create(&tids[t], NULL, partial_dot, &parts[t]);
  }
  double dot = 0.0;
  for (int t = 0; t < THREADS; ++t) {
    pthread_join(tids[t], NULL);
    dot += parts[t].result;
  }
  printf("%d parts, dot = %.3f\n", parts_finished, dot);
  pthread_spin_destroy(&progress_lock);
  free(a);
  free(b);
  return 0;
}
