// Elevator controller with a mutex and two condition variables: passengers
// post hall calls and sleep until the car opens its doors on their floor;
// the car sleeps until there is a call. The car drops the lock while it
// travels between floors, but changes its floor only while holding it.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define NUM_FLOORS 8
#define NUM_PASSENGERS 5

struct elevator {
  pthread_mutex_t lock;
  pthread_cond_t call_posted;
  pthread_cond_t doors_open;
  bool called[NUM_FLOORS];
  int floor;
  int stops;
  bool shutdown;
};

static struct elevator car = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .call_posted = PTHREAD_COND_INITIALIZER,
    .doors_open = PTHREAD_COND_INITIALIZER,
};

static int nearest_call_locked(const struct elevator *e) {
  int best = -1;
  for (int f = 0; f < NUM_FLOORS; ++f)
    if (e->called[f] && (best < 0 || abs(f - e->floor) < abs(best - e->floor)))
      best = f;
  return best;
}

static void *car_main(void *arg) {
  struct elevator *e = arg;
  pthread_mutex_lock(&e->lock);
  for (;;) {
    int target;
    while ((target = nearest_call_locked(e)) < 0 && !e->shutdown)
      pthread_cond_wait(&e->call_posted, &e->lock);
    if (target < 0)
      break;
    while (e->floor != target) {
      e->floor += target > e->floor ? 1 : -1;
      pthread_mutex_unlock(&e->lock);
      usleep(100); /* travelling between floors */
      pthread_mutex_lock(&e->lock);
    }
    e->called[target] = false;
    e->stops++;
    pthread_cond_broadcast(&e->doors_open);
  }
  pthread_mutex_unlock(&e->lock);
  return NULL;
}

static void ride(struct elevator *e, int floor) {
  pthread_mutex_lock(&e->lock);
  e->called[floor] = true;
  pthread_cond_signal(&e->call_posted);
  while (e->called[floor])
    pthread_cond_wait(&e->doors_open, &e->lock);
  pthread_mutex_unlock(&e->lock);
}

struct trip {
  int id;
  int from;
  int to;
};

static void *passenger_main(void *arg) {
  const struct trip *t = arg;
  ride(&car, t->from);
  ride(&car, t->to);
  printf("passenger %d went from %d to %d\n", t->id, t->from, t->to);
  return NULL;
}

int main(void) {
  pthread_t car_thread, riders[NUM_PASSENGERS];
  struct trip trips[NUM_PASSENGERS];
  pthread_create(&car_thread, NULL, car_main, &car);
  for (int i = 0; i < NUM_PASSENGERS; ++i) {
    trips[i] = (struct trip){i, (i * 3) % NUM_FLOORS, (i * 5 + 2) % NUM_FLOORS};
    pthread_create(&riders[i], NULL, passenger_main, &trips[i]);
  }
  for (int i = 0; i < NUM_PASSENGERS; ++i)
    pthread_join(riders[i], NULL);
  pthread_mutex_lock(&car.lock);
  car.shutdown = true;
  pthread_cond_signal(&car.call_posted);
  pthread_mutex_unlock(&car.lock);
  pthread_join(car_thread, NULL);
  printf("%d stops\n", car.stops);
  return 0;
}
