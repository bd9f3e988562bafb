// Leader election among the workers of a batch runner, with C11 atomics:
// the first worker to swap its id into leader_id wins. Exactly one
// compare-exchange can succeed, so only the winner writes the leader record;
// main reads the record after joining everyone. Followers only read the
// winner's id, atomically.
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#define NUM_WORKERS 6

struct leader_record {
  int id;
  int term;
  long assigned_jobs;
};

static atomic_int leader_id = -1;
static struct leader_record record;
static long jobs_done[NUM_WORKERS];

static bool try_claim(int id) {
  int expected = -1;
  return atomic_compare_exchange_strong(&leader_id, &expected, id);
}

static void become_leader(int id) {
  record.id = id;
  record.term = 1;
  record.assigned_jobs = NUM_WORKERS * 500L;
}

static void *worker_main(void *arg) {
  int id = (int)(long)arg;
  usleep((unsigned)((id * 53) % 7));
  if (try_claim(id))
    become_leader(id);
  int leader = atomic_load(&leader_id);
  for (int job = 0; job < 500; ++job)
    jobs_done[id] += (job % (leader + 2)) == 0 ? 2 : 1;
  return NULL;
}

int main(void) {
  pthread_t threads[NUM_WORKERS];
  for (long i = 0; i < NUM_WORKERS; ++i)
    pthread_create(&threads[i], NULL, worker_main, (void *)i);
  for (int i = 0; i < NUM_WORKERS; ++i)
    pthread_join(threads[i], NULL);
  long total = 0;
  for (int i = 0; i < NUM_WORKERS; ++i)
    total += jobs_done[i];
  printf("leader %d (term %d) assigned %ld jobs, %ld done\n", record.id, record.term,
         record.assigned_jobs, total);
  return 0;
}
