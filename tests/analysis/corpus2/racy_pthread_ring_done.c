/* Bounded ring buffer between one producer and two consumers. The ring is
 * protected by a mutex and two condition variables; the "producer finished"
 * flag is set without the lock. */
#include <pthread.h>
#include <stdio.h>

#define CAPACITY 32
#define ITEMS 10000

struct ring {
  int items[CAPACITY];
  int head;
  int tail;
  int count;
  pthread_mutex_t lock;
  pthread_cond_t not_empty;
  pthread_cond_t not_full;
};

static struct ring queue = {.head = 0, .tail = 0, .count = 0,
                            .lock = PTHREAD_MUTEX_INITIALIZER,
                            .not_empty = PTHREAD_COND_INITIALIZER,
                            .not_full = PTHREAD_COND_INITIALIZER};
static int producer_done = 0;

static void *producer(void *arg) {
  struct ring *r = arg;
  for (int i = 1; i <= ITEMS; ++i) {
    pthread_mutex_lock(&r->lock);
    while (r->count == CAPACITY)
      pthread_cond_wait(&r->not_full, &r->lock);
    r->items[r->tail] = i;
    r->tail = (r->tail + 1) % CAPACITY;
    r->count++;
    pthread_cond_signal(&r->not_empty);
    pthread_mutex_unlock(&r->lock);
  }
  producer_done = 1; /* expect-race: producer_done */
  pthread_cond_broadcast(&r->not_empty);
  return NULL;
}

static void *consumer(void *arg) {
  struct ring *r = arg;
  long sum = 0;
  for (;;) {
    pthread_mutex_lock(&r->lock);
    while (r->count == 0 && !producer_done) /* expect-race: producer_done */
      pthread_cond_wait(&r->not_empty, &r->lock);
    if (r->count == 0) {
      pthread_mutex_unlock(&r->lock);
      break;
    }
    int v = r->items[r->head];
    r->head = (r->head + 1) % CAPACITY;
    r->count--;
    pthread_cond_signal(&r->not_full);
    pthread_mutex_unlock(&r->lock);
    sum += v;
  }
  printf("consumer sum %ld\n", sum);
  return NULL;
}

int main(void) {
  pthread_t prod, cons[2];
  pthread_create(&prod, NULL, producer, &queue);
  for (int i = 0; i < 2; ++i)
    pthread_create(&cons[i], NULL, consumer, &queue);
  pthread_join(prod, NULL);
  for (int i = 0; i < 2; ++i)
    pthread_join(cons[i], NULL);
  return 0;
}
