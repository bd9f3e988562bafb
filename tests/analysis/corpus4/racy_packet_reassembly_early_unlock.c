/* Reassembles a message from fragments delivered by two receiver threads.
 * Fragment data and the arrival bitmap are written under the lock.
 * Races: each receiver adds to received_bytes after unlocking. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define FRAG_SIZE 64
#define FRAGS 48

struct reassembly {
  pthread_mutex_t lock;
  unsigned char buf[FRAG_SIZE * FRAGS];
  int have[FRAGS];
  size_t received_bytes;
};

static struct reassembly msg = {.lock = PTHREAD_MUTEX_INITIALIZER};

struct receiver {
  int first; /* fragments first, first + 2, ... */
};

static void deliver(struct reassembly *r, int index, const unsigned char *data,
                    size_t len) {
  pthread_mutex_lock(&r->lock);
  if (r->have[index]) {
    pthread_mutex_unlock(&r->lock);
    return; /* duplicate */
  }
  memcpy(r->buf + (size_t)index * FRAG_SIZE, data, len);
  r->have[index] = 1;
  pthread_mutex_unlock(&r->lock);
  r->received_bytes += len; // expect-race: received_bytes
}

static void *receive(void *arg) {
  struct receiver *rc = arg;
  unsigned char frag[FRAG_SIZE];
  for (int i = rc->first; i < FRAGS; i += 2) {
    memset(frag, 'a' + i % 26, sizeof frag);
    deliver(&msg, i, frag, sizeof frag);
  }
  return NULL;
}

int main(void) {
  struct receiver even = {0}, odd = {1};
  pthread_t t1, t2;
  pthread_create(&t1, NULL, receive, &even);
  pthread_create(&t2, NULL, receive, &odd);
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  int complete = 1;
  for (int i = 0; i < FRAGS; i++)
    complete &= msg.have[i];
  printf("complete=%d bytes=%zu first=%c\n", complete, msg.received_bytes,
         msg.buf[0]);
  return 0;
}
