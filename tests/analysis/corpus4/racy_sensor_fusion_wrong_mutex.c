/* Sensor fusion: an accelerometer thread and a gyroscope thread update the
 * shared fusion state, each under its own mutex; a calibration thread halves
 * the gyro bias. Races: calibration takes accel_lock instead of gyro_lock, so
 * its update of gyro_bias races with the gyro thread's. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct fusion_state {
  pthread_mutex_t accel_lock;
  pthread_mutex_t gyro_lock;
  double accel[3];
  double gyro_bias[3];
  double heading;
};

static struct fusion_state state = {
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER, {0, 0, 0}, {0, 0, 0}, 0};

static void *accel_thread(void *arg) {
  (void)arg;
  for (int i = 0; i < 200; i++) {
    pthread_mutex_lock(&state.accel_lock);
    for (int k = 0; k < 3; k++)
      state.accel[k] = 0.9 * state.accel[k] + 0.1 * (k + i % 5);
    pthread_mutex_unlock(&state.accel_lock);
  }
  return NULL;
}

static void *gyro_thread(void *arg) {
  (void)arg;
  for (int i = 0; i < 200; i++) {
    pthread_mutex_lock(&state.gyro_lock);
    for (int k = 0; k < 3; k++)
      state.gyro_bias[k] += 0.001 * (i % 3 - 1); // expect-race: gyro_bias
    state.heading += 0.01;
    pthread_mutex_unlock(&state.gyro_lock);
    if (i % 50 == 0)
      usleep(100);
  }
  return NULL;
}

static void *calibration_thread(void *arg) {
  (void)arg;
  for (int round = 0; round < 20; round++) {
    pthread_mutex_lock(&state.accel_lock); /* should be gyro_lock */
    for (int k = 0; k < 3; k++)
      state.gyro_bias[k] *= 0.5; // expect-race: gyro_bias
    pthread_mutex_unlock(&state.accel_lock);
    usleep(50);
  }
  return NULL;
}

int main(void) {
  pthread_t a, g, c;
  pthread_create(&a, NULL, accel_thread, NULL);
  pthread_create(&g, NULL, gyro_thread, NULL);
  pthread_create(&c, NULL, calibration_thread, NULL);
  pthread_join(a, NULL);
  pthread_join(g, NULL);
  pthread_join(c, NULL);
  printf("heading %.2f bias %.4f accel %.3f\n", state.heading, state.gyro_bias[0],
         state.accel[0]);
  return 0;
}
