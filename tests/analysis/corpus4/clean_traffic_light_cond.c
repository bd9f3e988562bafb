/* Traffic light: a controller thread switches the light, cars wait for green
 * on a condition variable and then cross. Correct: the phase, the crossing
 * count and the shutdown flag are only touched with the light mutex held,
 * and waiting uses a predicate loop. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

enum light { RED, GREEN };

struct intersection {
  pthread_mutex_t lock;
  pthread_cond_t changed;
  enum light phase;
  int crossings;
  int closed;
};

static struct intersection x = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                                RED, 0, 0};

static void *controller(void *arg) {
  (void)arg;
  for (int cycle = 0; cycle < 20; cycle++) {
    pthread_mutex_lock(&x.lock);
    x.phase = (x.phase == RED) ? GREEN : RED;
    pthread_cond_broadcast(&x.changed);
    pthread_mutex_unlock(&x.lock);
    usleep(200);
  }
  pthread_mutex_lock(&x.lock);
  x.closed = 1;
  x.phase = GREEN;
  pthread_cond_broadcast(&x.changed);
  pthread_mutex_unlock(&x.lock);
  return NULL;
}

static void *car(void *arg) {
  long trips = (long)arg;
  for (long t = 0; t < trips; t++) {
    pthread_mutex_lock(&x.lock);
    while (x.phase != GREEN)
      pthread_cond_wait(&x.changed, &x.lock);
    if (!x.closed)
      x.crossings++;
    pthread_mutex_unlock(&x.lock);
    usleep(50);
  }
  return NULL;
}

int main(void) {
  pthread_t ctl, cars[3];
  pthread_create(&ctl, NULL, controller, NULL);
  for (long i = 0; i < 3; i++)
    pthread_create(&cars[i], NULL, car, (void *)(4 + i));
  for (int i = 0; i < 3; i++)
    pthread_join(cars[i], NULL);
  pthread_join(ctl, NULL);
  printf("crossings %d\n", x.crossings);
  return 0;
}
