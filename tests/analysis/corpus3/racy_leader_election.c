// Leader election among the worker threads of a job runner: after a short
// start-up delay every worker checks whether a leader exists and, if not,
// claims the role. The check and the claim are two separate steps without
// a lock.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#define NUM_WORKERS 6

static int leader_id = -1;
static int election_term = 0;
static long heartbeats[NUM_WORKERS];
static pthread_mutex_t console_lock = PTHREAD_MUTEX_INITIALIZER;

struct worker_args {
  int id;
  int startup_delay_us;
};

static bool try_become_leader(int id) {
  if (leader_id != -1) // expect-race: leader_id
    return false;
  leader_id = id; // expect-race: leader_id
  election_term++; // expect-race: election_term
  return true;
}

static void announce(int id, bool leader) {
  pthread_mutex_lock(&console_lock);
  if (leader)
    printf("worker %d leads term %d\n", id, election_term); // expect-race: election_term
  else
    printf("worker %d follows\n", id);
  pthread_mutex_unlock(&console_lock);
}

static void *worker_main(void *arg) {
  const struct worker_args *a = arg;
  usleep(a->startup_delay_us);
  bool leader = try_become_leader(a->id);
  announce(a->id, leader);
  for (int beat = 0; beat < 1000; ++beat)
    heartbeats[a->id] += leader ? 2 : 1;
  return NULL;
}

int main(void) {
  pthread_t threads[NUM_WORKERS];
  struct worker_args args[NUM_WORKERS];
  for (int i = 0; i < NUM_WORKERS; ++i) {
    args[i].id = i;
    args[i].startup_delay_us = (i * 37) % 5;
    pthread_create(&threads[i], NULL, worker_main, &args[i]);
  }
  for (int i = 0; i < NUM_WORKERS; ++i)
    pthread_join(threads[i], NULL);
  long total = 0;
  for (int i = 0; i < NUM_WORKERS; ++i)
    total += heartbeats[i];
  printf("leader %d after %d term(s), %ld heartbeats\n", leader_id, election_term, total);
  return 0;
}
