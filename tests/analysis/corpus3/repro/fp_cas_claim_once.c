// From clean_leader_election.c (FP on record.id/term/assigned_jobs, lines 30-32).
// Correct: exactly one compare-exchange on 'owner' can succeed, so only one
// thread ever writes 'record'; main reads it after the joins.
// racecheck reports a write/write race on 'record' between two workers.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int owner = -1;
static int record;

static void *worker(void *arg) {
  int id = (int)(long)arg, expected = -1;
  if (atomic_compare_exchange_strong(&owner, &expected, id))
    record = id * 10; // only the single winner gets here
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; ++i) pthread_create(&t[i], NULL, worker, (void *)i);
  for (int i = 0; i < 4; ++i) pthread_join(t[i], NULL);
  printf("%d\n", record);
  return 0;
}
