// Connection pool for a reporting job: a stack of free connection slots
// guarded by a mutex; callers block on a condition variable when the pool is
// exhausted. A connection belongs to one client between acquire and
// release, so its own statistics need no lock: the pool lock hands it over.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define POOL_SIZE 3
#define NUM_CLIENTS 7

struct connection {
  int id;
  long queries;
  long rows;
};

struct pool {
  pthread_mutex_t lock;
  pthread_cond_t available;
  struct connection conns[POOL_SIZE];
  int free_slots[POOL_SIZE];
  int num_free;
  int waits;
};

static struct pool report_pool;

static void pool_init(struct pool *p) {
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->available, NULL);
  for (int i = 0; i < POOL_SIZE; ++i) {
    p->conns[i].id = 100 + i;
    p->free_slots[i] = i;
  }
  p->num_free = POOL_SIZE;
  p->waits = 0;
}

static struct connection *pool_acquire(struct pool *p) {
  pthread_mutex_lock(&p->lock);
  while (p->num_free == 0) {
    p->waits++;
    pthread_cond_wait(&p->available, &p->lock);
  }
  int slot = p->free_slots[--p->num_free];
  pthread_mutex_unlock(&p->lock);
  return &p->conns[slot];
}

static void pool_release(struct pool *p, struct connection *c) {
  pthread_mutex_lock(&p->lock);
  p->free_slots[p->num_free++] = (int)(c - p->conns);
  pthread_cond_signal(&p->available);
  pthread_mutex_unlock(&p->lock);
}

static long run_report_query(struct connection *c, int client, int n) {
  long rows = (client * 31 + n * 7 + c->id) % 50;
  c->queries++;
  c->rows += rows;
  usleep(5);
  return rows;
}

static void *client_main(void *arg) {
  long client = (long)arg;
  long rows = 0;
  for (int n = 0; n < 150; ++n) {
    struct connection *c = pool_acquire(&report_pool);
    rows += run_report_query(c, (int)client, n);
    pool_release(&report_pool, c);
  }
  return (void *)rows;
}

int main(void) {
  pthread_t clients[NUM_CLIENTS];
  pool_init(&report_pool);
  for (long i = 0; i < NUM_CLIENTS; ++i)
    pthread_create(&clients[i], NULL, client_main, (void *)i);
  long rows = 0;
  for (int i = 0; i < NUM_CLIENTS; ++i) {
    void *result;
    pthread_join(clients[i], &result);
    rows += (long)result;
  }
  long queries = 0;
  for (int i = 0; i < POOL_SIZE; ++i)
    queries += report_pool.conns[i].queries;
  printf("%ld rows in %ld queries, %d waits\n", rows, queries, report_pool.waits);
  pthread_mutex_destroy(&report_pool.lock);
  pthread_cond_destroy(&report_pool.available);
  return 0;
}
