/* Work queue with pthreads: main enqueues compression jobs, workers take
 * them under the queue mutex and write each job's result into the slot of
 * that job. Main reads the results after joining the workers. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define MAX_JOBS 128
#define WORKERS 3

struct job {
  int id;
  int size;
};

static struct {
  struct job items[MAX_JOBS];
  int head, tail;
  int closed;
  pthread_mutex_t mu;
  pthread_cond_t cv;
} q = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static int compressed_size[MAX_JOBS];

static void enqueue(struct job j) {
  pthread_mutex_lock(&q.mu);
  q.items[q.tail++] = j;
  pthread_cond_signal(&q.cv);
  pthread_mutex_unlock(&q.mu);
}

static int dequeue(struct job *out) {
  pthread_mutex_lock(&q.mu);
  while (q.head == q.tail && !q.closed)
    pthread_cond_wait(&q.cv, &q.mu);
  if (q.head == q.tail) {
    pthread_mutex_unlock(&q.mu);
    return 0;
  }
  *out = q.items[q.head++];
  pthread_mutex_unlock(&q.mu);
  return 1;
}

static int fake_compress(int size) {
  int out = 0;
  for (int i = 0; i < size; ++i)
    out += (i % 3 == 0);
  return out + 16;
}

static void *worker(void *arg) {
  (void)arg;
  struct job j;
  while (dequeue(&j))
    compressed_size[j.id] = fake_compress(j.size);
  return NULL;
}

int main(void) {
  pthread_t tids[WORKERS];
  for (int i = 0; i < WORKERS; ++i)
    pthread_create(&tids[i], NULL, worker, NULL);
  for (int id = 0; id < 100; ++id) {
    struct job j = {id, 1000 + id * 37};
    enqueue(j);
  }
  pthread_mutex_lock(&q.mu);
  q.closed = 1;
  pthread_cond_broadcast(&q.cv);
  pthread_mutex_unlock(&q.mu);
  for (int i = 0; i < WORKERS; ++i)
    pthread_join(tids[i], NULL);

  long total = 0;
  for (int id = 0; id < 100; ++id)
    total += compressed_size[id];
  printf("total compressed size %ld\n", total);
  return 0;
}
