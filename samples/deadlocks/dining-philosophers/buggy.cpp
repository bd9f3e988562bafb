// Five philosophers sit at a round table with one fork between each pair of
// neighbours. To eat, a philosopher needs both forks next to them: each one
// picks up the fork on the left, then the fork on the right. If all five
// pick up their left fork at the same moment, every right fork is somebody
// else's left fork, already taken: each philosopher holds one fork and waits
// for the next one's, round the table, for ever. The bug is the order on
// the two lock lines in dine(): every thread takes "its own" fork first.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <thread>

constexpr int Philosophers = 5;
constexpr int Meals = 3;

std::mutex Forks[Philosophers]; // Forks[I] lies between philosopher I and I + 1
int MealsEaten[Philosophers];   // each philosopher writes only their own

// Keeps this program from really hanging (see README.md): the philosophers
// eat one after the other, each starting when the previous one has left the
// table. TSan still sees every "left, then right" order and the ring they
// form.
racelab::HiddenGate Finished[Philosophers];

void dine(int I) {
  int Left = I;
  int Right = (I + 1) % Philosophers;
  if (I > 0)
    Finished[I - 1].wait();
  for (int Meal = 0; Meal < Meals; ++Meal) {
    std::lock_guard<std::mutex> LeftFork(Forks[Left]);   // expect-lock-order: Forks[Left]
    std::lock_guard<std::mutex> RightFork(Forks[Right]); // expect-lock-order: Forks[Right]
    ++MealsEaten[I];
  }
  Finished[I].open();
}

int main() {
  std::thread Table[Philosophers];
  for (int I = 0; I < Philosophers; ++I)
    Table[I] = std::thread(dine, I);
  for (std::thread &T : Table)
    T.join();
  for (int I = 0; I < Philosophers; ++I)
    std::printf("philosopher %d ate %d meals\n", I, MealsEaten[I]);
}
