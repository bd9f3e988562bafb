// Control for fp_index_from_named_arg_struct.c: the same gates, handed over
// as elements of one array (&gates[k]) instead of two named structs. The
// index g->id is then "read from the slot the spawner handed over": silent.
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
  struct gate gates[2] = {{0, 300}, {1, 300}};
  pthread_t t[2];
  for (int k = 0; k < 2; k++)
    pthread_create(&t[k], NULL, entry_gate, &gates[k]);
  for (int k = 0; k < 2; k++)
    pthread_join(t[k], NULL);
  printf("%d %d\n", turned_away[0], turned_away[1]);
  return 0;
}
