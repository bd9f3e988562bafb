// In-memory log buffer shared by request threads; a rotator thread flushes
// it to "disk" every half millisecond. The rotation helper expects its
// caller to hold the buffer lock, and the rotator's path does not take it.
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct log_buffer {
  pthread_mutex_t lock;
  char data[2048];
  size_t used;
  int rotations;
};

static struct log_buffer app_log = {.lock = PTHREAD_MUTEX_INITIALIZER};
static atomic_bool stop_rotator;

/* Caller must hold b->lock. */
static void rotate_locked(struct log_buffer *b) {
  b->used = 0; // expect-race: used
  b->rotations++; // expect-race: rotations
}

static void log_append(struct log_buffer *b, const char *msg) {
  size_t len = strlen(msg);
  pthread_mutex_lock(&b->lock);
  if (b->used + len > sizeof b->data) // expect-race: used
    rotate_locked(b);
  memcpy(b->data + b->used, msg, len); // expect-race: used
  b->used += len; // expect-race: used
  pthread_mutex_unlock(&b->lock);
}

static void flush_if_dirty(struct log_buffer *b) {
  if (b->used > 0) // expect-race: used
    rotate_locked(b);
}

static void *rotator_main(void *arg) {
  struct log_buffer *b = arg;
  while (!atomic_load(&stop_rotator)) {
    flush_if_dirty(b);
    usleep(500);
  }
  pthread_mutex_lock(&b->lock);
  rotate_locked(b);
  pthread_mutex_unlock(&b->lock);
  return NULL;
}

static void *request_main(void *arg) {
  int id = *(const int *)arg;
  char line[64];
  for (int n = 0; n < 3000; ++n) {
    snprintf(line, sizeof line, "req %d.%d status=200\n", id, n);
    log_append(&app_log, line);
  }
  return NULL;
}

int main(void) {
  pthread_t rotator, requests[3];
  int ids[3] = {1, 2, 3};
  pthread_create(&rotator, NULL, rotator_main, &app_log);
  for (int i = 0; i < 3; ++i)
    pthread_create(&requests[i], NULL, request_main, &ids[i]);
  for (int i = 0; i < 3; ++i)
    pthread_join(requests[i], NULL);
  atomic_store(&stop_rotator, true);
  pthread_join(rotator, NULL);
  printf("%d rotations\n", app_log.rotations);
  return 0;
}
