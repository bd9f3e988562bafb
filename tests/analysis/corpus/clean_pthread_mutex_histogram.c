/* Access-log analyser, fixed: every update of the shared counters happens
 * between pthread_mutex_lock and pthread_mutex_unlock; main prints them after
 * pthread_join. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

#define LINES 4000
#define WORKERS 4

static int StatusOf[LINES];
static long CodeTable[6];
static long ServerErrors;
static pthread_mutex_t TableLock = PTHREAD_MUTEX_INITIALIZER;

struct Slice {
  int Begin;
  int End;
};

static void *analyse(void *Arg) {
  struct Slice *S = (struct Slice *)Arg;
  long LocalErrors = 0;
  for (int I = S->Begin; I < S->End; ++I) {
    int Class = StatusOf[I] / 100;
    if (Class == 5)
      LocalErrors++;
    pthread_mutex_lock(&TableLock);
    CodeTable[Class]++;
    pthread_mutex_unlock(&TableLock);
  }
  pthread_mutex_lock(&TableLock);
  ServerErrors += LocalErrors;
  pthread_mutex_unlock(&TableLock);
  return NULL;
}

int main(void) {
  for (int I = 0; I < LINES; ++I)
    StatusOf[I] = (I % 17 == 0) ? 503 : (I % 5 == 0 ? 404 : 200);
  pthread_t Threads[WORKERS];
  struct Slice Slices[WORKERS];
  for (int T = 0; T < WORKERS; ++T) {
    Slices[T].Begin = T * (LINES / WORKERS);
    Slices[T].End = (T + 1) * (LINES / WORKERS);
    pthread_create(&Threads[T], NULL, analyse, &Slices[T]);
  }
  for (int T = 0; T < WORKERS; ++T)
    pthread_join(Threads[T], NULL);
  printf("2xx=%ld 4xx=%ld 5xx=%ld (errors %ld)\n", CodeTable[2], CodeTable[4],
         CodeTable[5], ServerErrors);
  return 0;
}
