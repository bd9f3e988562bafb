/* FP (clean_pthread_job_queue.c:57): each job id is dequeued under the
 * mutex by exactly one worker, which then writes result[id] outside the
 * lock. Disjoint by the queue's contents (distinct ids), which the
 * analysis cannot know. Clean program. */
#include <pthread.h>
static int queue[64], head, tail = 64, result[64];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int take(void) {
  pthread_mutex_lock(&mu);
  int id = head < tail ? queue[head++] : -1;
  pthread_mutex_unlock(&mu);
  return id;
}
static void *worker(void *arg) {
  for (int id; (id = take()) >= 0;)
    result[id] = id * 2;
  return arg;
}
int main(void) {
  for (int i = 0; i < 64; ++i)
    queue[i] = i;
  pthread_t a, b;
  pthread_create(&a, 0, worker, 0);
  pthread_create(&b, 0, worker, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  return 0;
}
