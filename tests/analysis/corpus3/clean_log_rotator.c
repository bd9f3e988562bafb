// In-memory log buffer shared by request threads and a rotator thread. Every
// path into the buffer goes through buffer_lock()/buffer_unlock() helpers;
// rotate_locked() is only ever called with the lock held. A spinlock guards
// the message statistics; the stop flag lives under the buffer lock.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct log_buffer {
  pthread_mutex_t lock;
  char data[2048];
  size_t used;
  size_t flushed;
  int rotations;
  bool stopping;
};

static struct log_buffer app_log = {.lock = PTHREAD_MUTEX_INITIALIZER};
static pthread_spinlock_t stats_lock;
static long messages;

static void buffer_lock(struct log_buffer *b) { pthread_mutex_lock(&b->lock); }
static void buffer_unlock(struct log_buffer *b) { pthread_mutex_unlock(&b->lock); }

/* Caller must hold b->lock. */
static void rotate_locked(struct log_buffer *b) {
  b->flushed += b->used;
  b->used = 0;
  b->rotations++;
}

static void log_append(struct log_buffer *b, const char *msg) {
  size_t len = strlen(msg);
  buffer_lock(b);
  if (b->used + len > sizeof b->data)
    rotate_locked(b);
  memcpy(b->data + b->used, msg, len);
  b->used += len;
  buffer_unlock(b);
  pthread_spin_lock(&stats_lock);
  messages++;
  pthread_spin_unlock(&stats_lock);
}

static bool flush_if_dirty(struct log_buffer *b) {
  buffer_lock(b);
  if (b->used > 0)
    rotate_locked(b);
  bool stop = b->stopping;
  buffer_unlock(b);
  return !stop;
}

static void *rotator_main(void *arg) {
  struct log_buffer *b = arg;
  while (flush_if_dirty(b))
    usleep(500);
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
  const int ids[3] = {1, 2, 3};
  pthread_spin_init(&stats_lock, PTHREAD_PROCESS_PRIVATE);
  pthread_create(&rotator, NULL, rotator_main, &app_log);
  for (int i = 0; i < 3; ++i)
    pthread_create(&requests[i], NULL, request_main, (void *)&ids[i]);
  for (int i = 0; i < 3; ++i)
    pthread_join(requests[i], NULL);
  buffer_lock(&app_log);
  app_log.stopping = true;
  buffer_unlock(&app_log);
  pthread_join(rotator, NULL);
  printf("%ld messages, %zu bytes flushed in %d rotations, %zu pending\n", messages,
         app_log.flushed, app_log.rotations, app_log.used);
  pthread_spin_destroy(&stats_lock);
  return 0;
}
