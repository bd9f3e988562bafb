/* Library catalogue: reader threads search for titles while a librarian
 * thread adds new books. Correct: searches hold the rwlock for reading, the
 * librarian holds it for writing, and each reader keeps its hit count in a
 * local variable returned through pthread_join. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAX_BOOKS 128

struct catalog {
  pthread_rwlock_t lock;
  char titles[MAX_BOOKS][32];
  int count;
};

static struct catalog cat = {.lock = PTHREAD_RWLOCK_INITIALIZER};

static int find(const char *prefix) {
  int hits = 0;
  pthread_rwlock_rdlock(&cat.lock);
  for (int i = 0; i < cat.count; i++)
    if (strncmp(cat.titles[i], prefix, strlen(prefix)) == 0)
      hits++;
  pthread_rwlock_unlock(&cat.lock);
  return hits;
}

static void *librarian(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; i++) {
    pthread_rwlock_wrlock(&cat.lock);
    if (cat.count < MAX_BOOKS) {
      snprintf(cat.titles[cat.count], sizeof cat.titles[0], "%s vol %d",
               i % 2 ? "atlas" : "birds", i);
      cat.count++;
    }
    pthread_rwlock_unlock(&cat.lock);
  }
  return NULL;
}

static void *reader(void *arg) {
  const char *prefix = arg;
  long hits = 0;
  for (int i = 0; i < 50; i++)
    hits += find(prefix);
  return (void *)(intptr_t)hits;
}

int main(void) {
  pthread_t lib, readers[2];
  const char *prefixes[2] = {"atlas", "birds"};
  pthread_create(&lib, NULL, librarian, NULL);
  for (int i = 0; i < 2; i++)
    pthread_create(&readers[i], NULL, reader, (void *)prefixes[i]);
  for (int i = 0; i < 2; i++) {
    void *hits;
    pthread_join(readers[i], &hits);
    printf("%s: %ld hits\n", prefixes[i], (long)(intptr_t)hits);
  }
  pthread_join(lib, NULL);
  printf("catalogue has %d books\n", cat.count);
  return 0;
}
