/* Parking garage with two entry gates and one exit gate, each a pthread.
 * Races: the gates read and update the shared free_spots count without any
 * lock. */
#include <pthread.h>
#include <stdio.h>

#define CAPACITY 40

static int free_spots = CAPACITY;
static int turned_away[2];

struct gate {
  int id;
  int cars;
};

static void *entry_gate(void *arg) {
  struct gate *g = arg;
  for (int i = 0; i < g->cars; i++) {
    if (free_spots > 0) // expect-race: free_spots
      free_spots--;     // expect-race: free_spots
    else
      turned_away[g->id]++;
  }
  return NULL;
}

static void *exit_gate(void *arg) {
  struct gate *g = arg;
  for (int i = 0; i < g->cars; i++) {
    if (free_spots < CAPACITY) // expect-race: free_spots
      free_spots++;            // expect-race: free_spots
  }
  return NULL;
}

int main(void) {
  struct gate north = {0, 300}, south = {1, 300}, out = {0, 500};
  pthread_t tn, ts, tx;
  pthread_create(&tn, NULL, entry_gate, &north);
  pthread_create(&ts, NULL, entry_gate, &south);
  pthread_create(&tx, NULL, exit_gate, &out);
  pthread_join(tn, NULL);
  pthread_join(ts, NULL);
  pthread_join(tx, NULL);
  printf("free %d, turned away %d + %d\n", free_spots, turned_away[0],
         turned_away[1]);
  return 0;
}
