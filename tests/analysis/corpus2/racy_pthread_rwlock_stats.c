/* A small string cache guarded by a pthread rwlock. Lookups take the read
 * lock and, while holding it, update the hit/miss statistics. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define SLOTS 64
#define READERS 3

struct entry {
  char key[32];
  int value;
  int used;
};

struct cache {
  pthread_rwlock_t lock;
  struct entry table[SLOTS];
  long hits;
  long misses;
};

static struct cache the_cache = {.lock = PTHREAD_RWLOCK_INITIALIZER};

static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h % SLOTS;
}

static int cache_lookup(struct cache *c, const char *key, int *out) {
  int found = 0;
  pthread_rwlock_rdlock(&c->lock);
  struct entry *e = &c->table[hash(key)];
  if (e->used && strcmp(e->key, key) == 0) {
    *out = e->value;
    found = 1;
    c->hits++; /* expect-race: hits */
  } else {
    c->misses++; /* expect-race: misses */
  }
  pthread_rwlock_unlock(&c->lock);
  return found;
}

static void cache_insert(struct cache *c, const char *key, int value) {
  pthread_rwlock_wrlock(&c->lock);
  struct entry *e = &c->table[hash(key)];
  snprintf(e->key, sizeof e->key, "%s", key);
  e->value = value;
  e->used = 1;
  pthread_rwlock_unlock(&c->lock);
}

static void *reader(void *arg) {
  int id = *(int *)arg;
  char key[32];
  for (int i = 0; i < 5000; ++i) {
    snprintf(key, sizeof key, "user:%d", (i * 7 + id) % 100);
    int v;
    if (!cache_lookup(&the_cache, key, &v))
      cache_insert(&the_cache, key, i);
  }
  return NULL;
}

int main(void) {
  pthread_t threads[READERS];
  int ids[READERS];
  for (int i = 0; i < READERS; ++i) {
    ids[i] = i;
    pthread_create(&threads[i], NULL, reader, &ids[i]);
  }
  for (int i = 0; i < READERS; ++i)
    pthread_join(threads[i], NULL);
  printf("hits=%ld misses=%ld\n", the_cache.hits, the_cache.misses);
  return 0;
}
