// Grey-level histogram of a synthetic image, computed by four threads, each
// on its own band of rows. The bands do not overlap, but all threads add
// into the same histogram bins.
#include <pthread.h>
#include <stdio.h>

#define WIDTH 320
#define HEIGHT 240
#define NUM_THREADS 4
#define NUM_BINS 16

static unsigned char image[HEIGHT][WIDTH];
static long histogram[NUM_BINS];

struct band {
  int first_row;
  int last_row;
};

static void fill_image(void) {
  for (int y = 0; y < HEIGHT; ++y)
    for (int x = 0; x < WIDTH; ++x)
      image[y][x] = (unsigned char)((x * 3 + y * 5 + (x * y) % 17) & 0xff);
}

static int bin_of(unsigned char level) { return level * NUM_BINS / 256; }

static void *count_band(void *arg) {
  const struct band *b = arg;
  for (int y = b->first_row; y < b->last_row; ++y)
    for (int x = 0; x < WIDTH; ++x)
      histogram[bin_of(image[y][x])]++; // expect-race: histogram
  return NULL;
}

static void print_histogram(void) {
  long total = 0;
  for (int i = 0; i < NUM_BINS; ++i) {
    printf("%3d-%3d: %ld\n", i * 256 / NUM_BINS, (i + 1) * 256 / NUM_BINS - 1, histogram[i]);
    total += histogram[i];
  }
  printf("pixels counted %ld of %d\n", total, WIDTH * HEIGHT);
}

int main(void) {
  pthread_t threads[NUM_THREADS];
  struct band bands[NUM_THREADS];
  fill_image();
  for (int t = 0; t < NUM_THREADS; ++t) {
    bands[t].first_row = t * HEIGHT / NUM_THREADS;
    bands[t].last_row = (t + 1) * HEIGHT / NUM_THREADS;
    if (pthread_create(&threads[t], NULL, count_band, &bands[t]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  for (int t = 0; t < NUM_THREADS; ++t)
    pthread_join(threads[t], NULL);
  print_histogram();
  return 0;
}
