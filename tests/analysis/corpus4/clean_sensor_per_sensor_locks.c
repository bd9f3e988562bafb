/* Sensor hub: each sensor thread updates its own record under that record's
 * mutex; a fusion thread averages all sensors, locking each in turn. Correct:
 * every sensor field access holds that sensor's mutex (per-object locks), and
 * the fused value is written by the fusion thread only and read after join. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define SENSORS 3

struct sensor {
  pthread_mutex_t lock;
  double value;
  long samples;
};

static struct sensor sensors[SENSORS];

static void *sample(void *arg) {
  struct sensor *s = arg;
  for (int i = 0; i < 300; i++) {
    pthread_mutex_lock(&s->lock);
    s->value = 0.8 * s->value + 0.2 * (i % 10);
    s->samples++;
    pthread_mutex_unlock(&s->lock);
  }
  return NULL;
}

static void *fuse(void *arg) {
  double *fused = arg;
  for (int round = 0; round < 50; round++) {
    double sum = 0;
    for (int k = 0; k < SENSORS; k++) {
      pthread_mutex_lock(&sensors[k].lock);
      sum += sensors[k].value;
      pthread_mutex_unlock(&sensors[k].lock);
    }
    *fused = sum / SENSORS;
    usleep(20);
  }
  return NULL;
}

int main(void) {
  pthread_t samplers[SENSORS], fusion;
  double fused = 0;
  for (int k = 0; k < SENSORS; k++)
    pthread_mutex_init(&sensors[k].lock, NULL);
  for (int k = 0; k < SENSORS; k++)
    pthread_create(&samplers[k], NULL, sample, &sensors[k]);
  pthread_create(&fusion, NULL, fuse, &fused);
  for (int k = 0; k < SENSORS; k++)
    pthread_join(samplers[k], NULL);
  pthread_join(fusion, NULL);
  long total = 0;
  for (int k = 0; k < SENSORS; k++) {
    total += sensors[k].samples;
    pthread_mutex_destroy(&sensors[k].lock);
  }
  printf("fused %.3f from %ld samples\n", fused, total);
  return 0;
}
