/* Traffic light simulation: a controller thread cycles the light, car threads
 * poll it and cross on green (giving up after a bounded wait).
 * Races: the light phase is a plain global written by the controller and read
 * by the cars with no lock and no atomic. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

enum light { RED, GREEN, YELLOW };

static enum light phase = RED;
static int crossed[3];

static void *controller(void *arg) {
  (void)arg;
  for (int cycle = 0; cycle < 30; cycle++) {
    phase = GREEN; // expect-race: phase
    usleep(300);
    phase = YELLOW; // expect-race: phase
    usleep(100);
    phase = RED; // expect-race: phase
    usleep(300);
  }
  return NULL;
}

static void *car(void *arg) {
  int id = *(int *)arg;
  for (int tries = 0; tries < 400; tries++) {
    if (phase == GREEN) { // expect-race: phase
      crossed[id]++;
      if (crossed[id] == 5)
        break;
    }
    usleep(50);
  }
  return NULL;
}

int main(void) {
  pthread_t ctl, cars[3];
  int ids[3] = {0, 1, 2};
  pthread_create(&ctl, NULL, controller, NULL);
  for (int i = 0; i < 3; i++)
    pthread_create(&cars[i], NULL, car, &ids[i]);
  for (int i = 0; i < 3; i++)
    pthread_join(cars[i], NULL);
  pthread_join(ctl, NULL);
  printf("crossings: %d %d %d\n", crossed[0], crossed[1], crossed[2]);
  return 0;
}
