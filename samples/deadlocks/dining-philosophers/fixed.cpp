// The fix: a global order on the forks. Every philosopher picks up the
// lower-numbered of their two forks first (Dijkstra's resource hierarchy).
// For philosophers 0 to 3 that is still the left fork, but philosopher 4
// sits between fork 4 and fork 0 and now reaches for fork 0 first. That one
// change breaks the ring: whoever holds a fork only ever waits for a fork
// with a higher number, so the waits cannot go round the table.
#include <algorithm>
#include <cstdio>
#include <mutex>
#include <thread>

constexpr int Philosophers = 5;
constexpr int Meals = 3;

// Lock order: Forks[I] before Forks[J] whenever I < J.
std::mutex Forks[Philosophers]; // Forks[I] lies between philosopher I and I + 1
int MealsEaten[Philosophers];   // each philosopher writes only their own

void dine(int I) {
  int Left = I;
  int Right = (I + 1) % Philosophers;
  int First = std::min(Left, Right);
  int Second = std::max(Left, Right);
  for (int Meal = 0; Meal < Meals; ++Meal) {
    std::lock_guard<std::mutex> FirstFork(Forks[First]);
    std::lock_guard<std::mutex> SecondFork(Forks[Second]);
    ++MealsEaten[I];
  }
}

int main() {
  // No forced order here: all five really sit down at once.
  std::thread Table[Philosophers];
  for (int I = 0; I < Philosophers; ++I)
    Table[I] = std::thread(dine, I);
  for (std::thread &T : Table)
    T.join();
  for (int I = 0; I < Philosophers; ++I)
    std::printf("philosopher %d ate %d meals\n", I, MealsEaten[I]);
}
