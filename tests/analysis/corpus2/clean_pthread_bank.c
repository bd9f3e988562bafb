/* Bank transfers with pthreads: one mutex per account, always locked in
 * ascending account order so that two transfers cannot deadlock. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define ACCOUNTS 10
#define TELLERS 4
#define TRANSFERS 20000

struct account {
  long balance;
  pthread_mutex_t lock;
};

static struct account accounts[ACCOUNTS];
static long completed;
static pthread_mutex_t completed_lock = PTHREAD_MUTEX_INITIALIZER;

static void transfer(int from, int to, long amount) {
  int first = from < to ? from : to;
  int second = from < to ? to : from;
  pthread_mutex_lock(&accounts[first].lock);
  pthread_mutex_lock(&accounts[second].lock);
  if (accounts[from].balance >= amount) {
    accounts[from].balance -= amount;
    accounts[to].balance += amount;
  }
  pthread_mutex_unlock(&accounts[second].lock);
  pthread_mutex_unlock(&accounts[first].lock);
}

static void *teller(void *arg) {
  unsigned seed = (unsigned)(size_t)arg;
  for (int i = 0; i < TRANSFERS; ++i) {
    int from = rand_r(&seed) % ACCOUNTS;
    int to = rand_r(&seed) % ACCOUNTS;
    if (from == to)
      continue;
    transfer(from, to, rand_r(&seed) % 100);
    pthread_mutex_lock(&completed_lock);
    completed++;
    pthread_mutex_unlock(&completed_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t tellers[TELLERS];
  for (int i = 0; i < ACCOUNTS; ++i) {
    accounts[i].balance = 500;
    pthread_mutex_init(&accounts[i].lock, NULL);
  }
  for (int t = 0; t < TELLERS; ++t)
    pthread_create(&tellers[t], NULL, teller, (void *)(size_t)(t + 1));
  for (int t = 0; t < TELLERS; ++t)
    pthread_join(tellers[t], NULL);

  long total = 0;
  for (int i = 0; i < ACCOUNTS; ++i) {
    total += accounts[i].balance;
    pthread_mutex_destroy(&accounts[i].lock);
  }
  printf("completed %ld transfers, total balance %ld\n", completed, total);
  return 0;
}
