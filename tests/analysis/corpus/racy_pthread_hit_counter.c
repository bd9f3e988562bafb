/* A web access-log analyser: several pthreads parse slices of the log and
 * count status codes. The per-slice bounds are private, but the global
 * error counter is incremented without the mutex that guards the table. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <string.h>

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
  for (int I = S->Begin; I < S->End; ++I) {
    int Class = StatusOf[I] / 100;
    pthread_mutex_lock(&TableLock);
    CodeTable[Class]++;
    pthread_mutex_unlock(&TableLock);
    if (Class == 5)
      ServerErrors++; /* expect-race: ServerErrors */
  }
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
