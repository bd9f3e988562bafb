/* A DNS cache guarded by a pthread rwlock. Lookups take the read lock, which
 * is right for finding an entry, but they also refresh the entry's
 * last-used timestamp: a write done under a shared (read) lock. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define ENTRIES 8

struct Entry {
  char Host[32];
  unsigned Address;
  unsigned long LastUsed;
};

static struct Entry Cache[ENTRIES];
static unsigned long Clock;
static pthread_rwlock_t CacheLock = PTHREAD_RWLOCK_INITIALIZER;

static int lookup(const char *Host, unsigned *Out) {
  int Found = 0;
  pthread_rwlock_rdlock(&CacheLock);
  for (int I = 0; I < ENTRIES; ++I) {
    if (strcmp(Cache[I].Host, Host) == 0) {
      Cache[I].LastUsed = ++Clock; /* expect-race: LastUsed expect-race: Clock */
      *Out = Cache[I].Address;
      Found = 1;
      break;
    }
  }
  pthread_rwlock_unlock(&CacheLock);
  return Found;
}

static void *resolver(void *Arg) {
  const char *Hosts[] = {"example.org", "racelab.dev", "localhost"};
  unsigned long Hits = 0;
  unsigned Addr;
  for (int I = 0; I < 1000; ++I)
    Hits += lookup(Hosts[(I + (int)(long)Arg) % 3], &Addr);
  printf("resolver %ld: %lu hits\n", (long)Arg, Hits);
  return NULL;
}

int main(void) {
  const char *Seed[] = {"example.org", "racelab.dev", "localhost"};
  for (int I = 0; I < 3; ++I) {
    strncpy(Cache[I].Host, Seed[I], sizeof Cache[I].Host - 1);
    Cache[I].Address = 0x7f000001u + (unsigned)I;
  }
  pthread_t A, B;
  pthread_create(&A, NULL, resolver, (void *)0L);
  pthread_create(&B, NULL, resolver, (void *)1L);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  printf("clock %lu\n", Clock);
  return 0;
}
