// A fixed-size database connection pool for client threads. Checking a
// connection out is done under the pool lock; returning it updates the
// in-use gauge after the lock has already been released.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#define POOL_SIZE 3
#define NUM_CLIENTS 6

struct connection {
  int id;
  int queries;
  bool busy;
};

struct pool {
  pthread_mutex_t lock;
  pthread_cond_t freed;
  struct connection conns[POOL_SIZE];
  int in_use;
  int peak_in_use;
};

static struct pool db_pool = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .freed = PTHREAD_COND_INITIALIZER,
};

static struct connection *pool_acquire(struct pool *p) {
  pthread_mutex_lock(&p->lock);
  for (;;) {
    for (int i = 0; i < POOL_SIZE; ++i) {
      if (!p->conns[i].busy) {
        p->conns[i].busy = true;
        p->in_use++; // expect-race: in_use
        if (p->in_use > p->peak_in_use) // expect-race: in_use
          p->peak_in_use = p->in_use; // expect-race: in_use
        pthread_mutex_unlock(&p->lock);
        return &p->conns[i];
      }
    }
    pthread_cond_wait(&p->freed, &p->lock);
  }
}

static void pool_release(struct pool *p, struct connection *c) {
  pthread_mutex_lock(&p->lock);
  c->busy = false;
  pthread_mutex_unlock(&p->lock);
  p->in_use--; // expect-race: in_use decremented after the unlock
  pthread_cond_signal(&p->freed);
}

static long run_query(struct connection *c, int client, int n) {
  c->queries++;
  usleep(10);
  return (long)client * 1000 + n + c->id;
}

static void *client_main(void *arg) {
  int client = *(const int *)arg;
  long checksum = 0;
  for (int n = 0; n < 200; ++n) {
    struct connection *c = pool_acquire(&db_pool);
    checksum += run_query(c, client, n);
    pool_release(&db_pool, c);
  }
  printf("client %d checksum %ld\n", client, checksum);
  return NULL;
}

int main(void) {
  pthread_t clients[NUM_CLIENTS];
  int ids[NUM_CLIENTS];
  for (int i = 0; i < POOL_SIZE; ++i)
    db_pool.conns[i].id = i;
  for (int i = 0; i < NUM_CLIENTS; ++i) {
    ids[i] = i;
    pthread_create(&clients[i], NULL, client_main, &ids[i]);
  }
  for (int i = 0; i < NUM_CLIENTS; ++i)
    pthread_join(clients[i], NULL);
  int total = 0;
  for (int i = 0; i < POOL_SIZE; ++i)
    total += db_pool.conns[i].queries;
  printf("queries %d, peak in use %d, in use now %d\n", total, db_pool.peak_in_use,
         db_pool.in_use);
  return 0;
}
