/* Monte Carlo estimate of pi. Every thread gets a pointer to the same
 * struct: the seed is private per thread (copied out first), but the hit
 * and sample totals live in the shared struct and are updated in place. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct Estimate {
  long Samples;
  long InsideCircle;
  int PerThread;
};

static unsigned nextRandom(unsigned *State) {
  *State = *State * 1103515245u + 12345u;
  return (*State >> 16) & 0x7fff;
}

static void *simulate(void *Arg) {
  struct Estimate *E = (struct Estimate *)Arg;
  unsigned Seed = (unsigned)(size_t)&Seed;
  for (int I = 0; I < E->PerThread; ++I) {
    double X = nextRandom(&Seed) / 32767.0;
    double Y = nextRandom(&Seed) / 32767.0;
    if (X * X + Y * Y <= 1.0)
      E->InsideCircle++; /* expect-race: InsideCircle */
    E->Samples++; /* expect-race: Samples */
  }
  return NULL;
}

int main(int Argc, char **Argv) {
  int Threads = Argc > 1 ? atoi(Argv[1]) : 4;
  if (Threads < 1 || Threads > 64)
    Threads = 4;
  struct Estimate E = {0, 0, 100000};
  pthread_t Ids[64];
  for (int T = 0; T < Threads; ++T)
    pthread_create(&Ids[T], NULL, simulate, &E);
  for (int T = 0; T < Threads; ++T)
    pthread_join(Ids[T], NULL);
  printf("pi ~ %f from %ld samples\n", 4.0 * E.InsideCircle / E.Samples,
         E.Samples);
  return 0;
}
