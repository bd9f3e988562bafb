// Elevator simulation: one car thread serves floor requests, passenger
// threads post requests under the lock and wait until theirs is served. The
// car moves floor by floor without the lock, and the passengers' hall
// display reads the car's floor without it too.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#define NUM_FLOORS 10
#define NUM_PASSENGERS 4

struct elevator {
  pthread_mutex_t lock;
  bool requested[NUM_FLOORS];
  int current_floor;
  int trips;
  bool shutdown;
};

static struct elevator car = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void *elevator_main(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&car.lock);
    if (car.shutdown) {
      pthread_mutex_unlock(&car.lock);
      break;
    }
    int target = -1;
    for (int f = 0; f < NUM_FLOORS; ++f)
      if (car.requested[f]) {
        target = f;
        break;
      }
    pthread_mutex_unlock(&car.lock);
    if (target < 0) {
      usleep(100);
      continue;
    }
    int step = target > car.current_floor ? 1 : -1;
    while (car.current_floor != target) {
      car.current_floor += step; // expect-race: current_floor moved without the lock
      usleep(50);
    }
    pthread_mutex_lock(&car.lock);
    car.requested[target] = false;
    car.trips++;
    pthread_mutex_unlock(&car.lock);
  }
  return NULL;
}

struct passenger {
  int id;
  int from;
  int to;
};

static void call_elevator(int floor) {
  pthread_mutex_lock(&car.lock);
  car.requested[floor] = true;
  pthread_mutex_unlock(&car.lock);
}

static bool floor_pending(int floor) {
  pthread_mutex_lock(&car.lock);
  bool pending = car.requested[floor];
  pthread_mutex_unlock(&car.lock);
  return pending;
}

static void *passenger_main(void *arg) {
  const struct passenger *p = arg;
  int last_shown = -1;
  call_elevator(p->from);
  while (floor_pending(p->from)) {
    int shown = car.current_floor; // expect-race: current_floor read for the hall display
    if (shown != last_shown) {
      printf("passenger %d sees the car at floor %d\n", p->id, shown);
      last_shown = shown;
    }
    usleep(20);
  }
  call_elevator(p->to);
  while (floor_pending(p->to))
    usleep(20);
  printf("passenger %d arrived at floor %d\n", p->id, p->to);
  return NULL;
}

int main(void) {
  pthread_t car_thread, riders[NUM_PASSENGERS];
  struct passenger passengers[NUM_PASSENGERS];
  pthread_create(&car_thread, NULL, elevator_main, NULL);
  for (int i = 0; i < NUM_PASSENGERS; ++i) {
    passengers[i].id = i;
    passengers[i].from = (i * 3 + 1) % NUM_FLOORS;
    passengers[i].to = (i * 7 + 4) % NUM_FLOORS;
    pthread_create(&riders[i], NULL, passenger_main, &passengers[i]);
  }
  for (int i = 0; i < NUM_PASSENGERS; ++i)
    pthread_join(riders[i], NULL);
  pthread_mutex_lock(&car.lock);
  car.shutdown = true;
  pthread_mutex_unlock(&car.lock);
  pthread_join(car_thread, NULL);
  printf("%d trips\n", car.trips);
  return 0;
}
