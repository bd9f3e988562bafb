// Grey-level histogram of a synthetic image by four threads: each thread
// counts its band of rows into the private histogram inside its own work
// item; the main thread merges the histograms after joining. Progress is
// reported through a mutex-protected counter.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define WIDTH 320
#define HEIGHT 240
#define NUM_THREADS 4
#define NUM_BINS 16

static unsigned char image[HEIGHT][WIDTH];
static int rows_done;
static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;

struct work_item {
  int first_row;
  int last_row;
  long local_hist[NUM_BINS];
};

static void fill_image(void) {
  for (int y = 0; y < HEIGHT; ++y)
    for (int x = 0; x < WIDTH; ++x)
      image[y][x] = (unsigned char)((x * 3 + y * 5 + (x * y) % 17) & 0xff);
}

static void *count_band(void *arg) {
  struct work_item *w = arg;
  for (int y = w->first_row; y < w->last_row; ++y) {
    for (int x = 0; x < WIDTH; ++x)
      w->local_hist[image[y][x] * NUM_BINS / 256]++;
    pthread_mutex_lock(&progress_lock);
    rows_done++;
    pthread_mutex_unlock(&progress_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t threads[NUM_THREADS];
  struct work_item items[NUM_THREADS];
  long histogram[NUM_BINS] = {0};
  fill_image();
  memset(items, 0, sizeof items);
  for (int t = 0; t < NUM_THREADS; ++t) {
    items[t].first_row = t * HEIGHT / NUM_THREADS;
    items[t].last_row = (t + 1) * HEIGHT / NUM_THREADS;
  }
  for (int t = 0; t < NUM_THREADS; ++t)
    pthread_create(&threads[t], NULL, count_band, &items[t]);
  for (int t = 0; t < NUM_THREADS; ++t)
    pthread_join(threads[t], NULL);
  for (int t = 0; t < NUM_THREADS; ++t)
    for (int b = 0; b < NUM_BINS; ++b)
      histogram[b] += items[t].local_hist[b];
  long total = 0;
  for (int b = 0; b < NUM_BINS; ++b) {
    printf("bin %2d: %ld\n", b, histogram[b]);
    total += histogram[b];
  }
  printf("%ld pixels in %d rows\n", total, rows_done);
  return 0;
}
