/* Segmented prime sieve, one pthread per segment. Correct: main computes the
 * small primes before any thread starts, each thread gets its own element of
 * the args array and stores its count there, and main reads the counts only
 * after the joins. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define LIMIT 300000L
#define THREADS 3

static long small_primes[1024];
static int n_small;

struct segment {
  long lo, hi;
  long count;
};

static void *sieve(void *arg) {
  struct segment *s = arg;
  char *marks = calloc((size_t)(s->hi - s->lo), 1);
  for (int i = 0; i < n_small; i++) {
    long p = small_primes[i];
    long m = (s->lo + p - 1) / p * p;
    if (m < p * p)
      m = p * p;
    for (; m < s->hi; m += p)
      marks[m - s->lo] = 1;
  }
  for (long n = s->lo; n < s->hi; n++)
    if (n >= 2 && !marks[n - s->lo])
      s->count++;
  free(marks);
  return NULL;
}

int main(void) {
  /* primes up to sqrt(LIMIT) by trial division */
  for (long n = 2; n * n < LIMIT; n++) {
    int prime = 1;
    for (int i = 0; i < n_small && small_primes[i] * small_primes[i] <= n; i++)
      if (n % small_primes[i] == 0) {
        prime = 0;
        break;
      }
    if (prime)
      small_primes[n_small++] = n;
  }

  struct segment args[THREADS];
  pthread_t threads[THREADS];
  long span = LIMIT / THREADS;
  for (int i = 0; i < THREADS; i++) {
    args[i].lo = i * span;
    args[i].hi = (i == THREADS - 1) ? LIMIT : (i + 1) * span;
    args[i].count = 0;
    pthread_create(&threads[i], NULL, sieve, &args[i]);
  }
  long total = 0;
  for (int i = 0; i < THREADS; i++) {
    pthread_join(threads[i], NULL);
    total += args[i].count;
  }
  printf("%ld primes below %ld\n", total, LIMIT);
  return 0;
}
