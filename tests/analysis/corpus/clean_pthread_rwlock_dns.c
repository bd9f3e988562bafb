/* DNS cache with a pthread rwlock: lookups only read under the read lock;
 * inserts and the LRU clock update take the write lock. */
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
static int Used;
static unsigned long Clock;
static pthread_rwlock_t CacheLock = PTHREAD_RWLOCK_INITIALIZER;

static int lookup(const char *Host, unsigned *Out) {
  int Found = -1;
  pthread_rwlock_rdlock(&CacheLock);
  for (int I = 0; I < Used; ++I)
    if (strcmp(Cache[I].Host, Host) == 0) {
      *Out = Cache[I].Address;
      Found = I;
      break;
    }
  pthread_rwlock_unlock(&CacheLock);
  if (Found >= 0) {
    pthread_rwlock_wrlock(&CacheLock);
    Cache[Found].LastUsed = ++Clock;
    pthread_rwlock_unlock(&CacheLock);
  }
  return Found >= 0;
}

static void insert(const char *Host, unsigned Address) {
  pthread_rwlock_wrlock(&CacheLock);
  if (Used < ENTRIES) {
    strncpy(Cache[Used].Host, Host, sizeof Cache[Used].Host - 1);
    Cache[Used].Address = Address;
    Cache[Used].LastUsed = ++Clock;
    ++Used;
  }
  pthread_rwlock_unlock(&CacheLock);
}

static void *resolver(void *Arg) {
  const char *Hosts[] = {"example.org", "racelab.dev", "localhost", "new.host"};
  long Id = (long)Arg;
  unsigned long Hits = 0;
  unsigned Addr;
  for (int I = 0; I < 1000; ++I) {
    const char *H = Hosts[(I + Id) % 4];
    if (lookup(H, &Addr))
      ++Hits;
    else
      insert(H, 0x0a000000u + (unsigned)I);
  }
  printf("resolver %ld: %lu hits\n", Id, Hits);
  return NULL;
}

int main(void) {
  insert("example.org", 0x5db8d822u);
  insert("localhost", 0x7f000001u);
  pthread_t A, B;
  pthread_create(&A, NULL, resolver, (void *)0L);
  pthread_create(&B, NULL, resolver, (void *)1L);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  printf("%d entries, clock %lu\n", Used, Clock);
  return 0;
}
