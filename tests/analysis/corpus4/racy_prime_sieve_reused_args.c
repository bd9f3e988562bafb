/* Counts primes below 200000 with a segmented sieve, one pthread per segment.
 * Races: main hands every thread a pointer to the same struct segment and
 * overwrites lo/hi for the next thread while earlier threads still read them
 * (write after hand-off). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT 200000L
#define THREADS 4

struct segment {
  long lo;
  long hi;
};

static void *sieve_segment(void *arg) {
  struct segment *s = arg;
  long lo = s->lo; // expect-race: lo
  long hi = s->hi; // expect-race: hi
  if (lo < 2)
    lo = 2;
  char *composite = calloc((size_t)(hi - lo), 1);
  for (long p = 2; p * p < hi; p++) {
    long start = (lo + p - 1) / p * p;
    if (start < p * p)
      start = p * p;
    for (long m = start; m < hi; m += p)
      composite[m - lo] = 1;
  }
  long count = 0;
  for (long n = lo; n < hi; n++)
    if (!composite[n - lo])
      count++;
  free(composite);
  return (void *)(intptr_t)count;
}

int main(void) {
  pthread_t threads[THREADS];
  struct segment seg;
  long span = LIMIT / THREADS;
  for (int i = 0; i < THREADS; i++) {
    seg.lo = i * span;       // expect-race: lo
    seg.hi = seg.lo + span;  // expect-race: hi
    pthread_create(&threads[i], NULL, sieve_segment, &seg);
  }
  long total = 0;
  for (int i = 0; i < THREADS; i++) {
    void *result;
    pthread_join(threads[i], &result);
    total += (long)(intptr_t)result;
  }
  printf("primes below %ld: %ld\n", LIMIT, total);
  return 0;
}
