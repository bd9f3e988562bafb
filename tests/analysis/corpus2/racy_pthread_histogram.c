/* Histogram of generated measurements, filled by four pthreads that each
 * process a slice of the samples but share the bin array. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NUM_BINS 16
#define NUM_THREADS 4
#define NUM_SAMPLES 100000

static double samples[NUM_SAMPLES];
static long bins[NUM_BINS];

struct slice {
  size_t begin;
  size_t end;
};

static void generate(unsigned seed) {
  for (size_t i = 0; i < NUM_SAMPLES; ++i) {
    seed = seed * 1103515245u + 12345u;
    samples[i] = (double)((seed >> 8) % 10000) / 10000.0;
  }
}

static int bin_of(double v) {
  int b = (int)(v * NUM_BINS);
  if (b < 0)
    b = 0;
  if (b >= NUM_BINS)
    b = NUM_BINS - 1;
  return b;
}

static void *fill_histogram(void *arg) {
  const struct slice *s = arg;
  for (size_t i = s->begin; i < s->end; ++i) {
    int b = bin_of(samples[i]);
    bins[b]++; /* expect-race: bins */
  }
  return NULL;
}

int main(void) {
  pthread_t threads[NUM_THREADS];
  struct slice slices[NUM_THREADS];
  size_t per = NUM_SAMPLES / NUM_THREADS;

  generate(42);
  for (int t = 0; t < NUM_THREADS; ++t) {
    slices[t].begin = t * per;
    slices[t].end = (t == NUM_THREADS - 1) ? NUM_SAMPLES : (t + 1) * per;
    if (pthread_create(&threads[t], NULL, fill_histogram, &slices[t]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  for (int t = 0; t < NUM_THREADS; ++t)
    pthread_join(threads[t], NULL);

  long total = 0;
  for (int b = 0; b < NUM_BINS; ++b) {
    printf("bin %2d: %ld\n", b, bins[b]);
    total += bins[b];
  }
  printf("total %ld\n", total);
  return 0;
}
