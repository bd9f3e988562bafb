/* Reassembles a message from fragments delivered by three receiver threads
 * (with duplicates). Correct: the data buffer, the arrival bitmap and the byte
 * count are all updated inside the same critical section, and main reads them
 * after the joins. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define FRAG 32
#define NFRAGS 60

struct reassembly {
  pthread_mutex_t lock;
  char data[FRAG * NFRAGS];
  unsigned char arrived[NFRAGS];
  size_t bytes;
  int duplicates;
};

static struct reassembly rs = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void deliver(int index, const char *payload) {
  pthread_mutex_lock(&rs.lock);
  if (rs.arrived[index]) {
    rs.duplicates++;
  } else {
    memcpy(rs.data + index * FRAG, payload, FRAG);
    rs.arrived[index] = 1;
    rs.bytes += FRAG;
  }
  pthread_mutex_unlock(&rs.lock);
}

static void *receiver(void *arg) {
  int start = *(const int *)arg;
  char payload[FRAG];
  for (int k = 0; k < NFRAGS; k++) {
    int index = (start + k * 7) % NFRAGS; /* overlapping, out of order */
    if (k % 2)
      continue;
    memset(payload, 'A' + index % 26, FRAG);
    deliver(index, payload);
  }
  return NULL;
}

int main(void) {
  static const int starts[3] = {0, 1, 2};
  pthread_t t[3];
  for (int i = 0; i < 3; i++)
    pthread_create(&t[i], NULL, receiver, (void *)&starts[i]);
  for (int i = 0; i < 3; i++)
    pthread_join(t[i], NULL);
  int missing = 0;
  for (int i = 0; i < NFRAGS; i++)
    missing += !rs.arrived[i];
  printf("bytes %zu, duplicates %d, missing %d\n", rs.bytes, rs.duplicates,
         missing);
  return 0;
}
