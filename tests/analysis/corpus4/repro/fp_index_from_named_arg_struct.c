// From racy_parking_garage_spots.c (FP on turned_away, line 23).
// Correct: each gate thread gets its own struct, north.id = 0 and south.id = 1,
// so each writes only its own element of 'turned_away'; main reads after the
// joins. racecheck reports a write/write race on turned_away[g->id]. With the
// structs in an array (&gates[k]) it is silent: controls/ok_index_from_arg_array.c.
#include <pthread.h>
#include <stdio.h>

static int turned_away[2];

struct gate { int id; int cars; };

static void *entry_gate(void *arg) {
  struct gate *g = arg;
  for (int i = 0; i < g->cars; i++)
    turned_away[g->id]++;
  return NULL;
}

int main(void) {
  struct gate north = {0, 300}, south = {1, 300};
  pthread_t tn, ts;
  pthread_create(&tn, NULL, entry_gate, &north);
  pthread_create(&ts, NULL, entry_gate, &south);
  pthread_join(tn, NULL);
  pthread_join(ts, NULL);
  printf("%d %d\n", turned_away[0], turned_away[1]);
  return 0;
}
